"""Loading and classifying TARGET; config parsing; sample loading."""

from __future__ import annotations

import pytest
from collators import IGNORE, ChatCollator

from chatlint.labels import LabelsError, verify
from chatlint.labels.config import load_config
from chatlint.labels.samples import builtin_samples, load_samples
from chatlint.labels.targets import build_target, load_object, parse_arg


@pytest.mark.parametrize(
    "text, expected",
    [
        ("max_length=512", ("max_length", 512)),
        ("flag=True", ("flag", True)),
        ("name='x'", ("name", "x")),
        ("name=plain text", ("name", "plain text")),
        ("items=[1, 2]", ("items", [1, 2])),
        ("empty=", ("empty", "")),
    ],
)
def test_parse_arg(text, expected):
    assert parse_arg(text) == expected


class ProcessingClassCollator:
    """Newer trainers name the tokenizer processing_class."""

    def __init__(self, processing_class, max_length=4096):
        self.inner = ChatCollator(processing_class, max_length=max_length)

    def __call__(self, examples):
        return self.inner(examples)


class PositionalCollator:
    def __init__(self, tok, /):
        self.inner = ChatCollator(tok)

    def __call__(self, examples):
        return self.inner(examples)


def example_function(example, tokenizer, generation_prompt=False):
    ids = tokenizer.apply_chat_template(
        example["messages"], tokenize=True, add_generation_prompt=generation_prompt, return_dict=False
    )
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], add_generation_prompt=True, return_dict=False)
    return {"input_ids": ids, "labels": [IGNORE] * len(prompt) + ids[len(prompt) :]}


def batch_named_oddly(conversation_list, tokenizer):
    return ChatCollator(tokenizer)(conversation_list)


@pytest.mark.parametrize(
    "target, kind",
    [
        (ProcessingClassCollator, "collator-class"),
        (PositionalCollator, "collator-class"),
        (example_function, "example-function"),
        (batch_named_oddly, "batch-function"),
    ],
)
def test_target_kinds(tokenizers, target, kind):
    report = verify(target, tokenizers["chatml"])
    assert report.target_kind == kind
    assert report.ok, [p.message for p in report.problems]


def test_collator_instance(tokenizers):
    report = verify(ChatCollator(tokenizers["chatml"], bug="stray"), tokenizers["chatml"])
    assert report.target_kind == "collator-instance"
    assert not report.ok


def test_args_reach_class_and_function(tokenizers):
    assert not verify(example_function, tokenizers["gemma"], args={"generation_prompt": True}).ok
    assert verify(ProcessingClassCollator, tokenizers["gemma"], args={"max_length": 64}).checks_warned() == [
        "reply-truncated"
    ]


def test_args_for_an_instance_are_refused(tokenizers):
    with pytest.raises(LabelsError, match="instance already"):
        build_target(ChatCollator(tokenizers["chatml"]), tokenizers["chatml"], {"x": 1}, "spec")


def test_class_that_cannot_take_the_tokenizer(tokenizers):
    class NeedsMore:
        def __init__(self, tokenizer, required_thing):
            pass

    with pytest.raises(LabelsError, match="pass its other arguments with --arg"):
        verify(NeedsMore, tokenizers["chatml"])


def test_dotted_attribute_and_file_target(tmp_path):
    source = tmp_path / "holder.py"
    source.write_text("class Outer:\n    class Inner:\n        pass\n")
    assert load_object(f"{source}:Outer.Inner").__name__ == "Inner"


def test_samples_builtin_and_file(tmp_path):
    names = [s.name for s in builtin_samples()]
    assert names == ["system-user-assistant", "multi-turn", "non-ascii", "long-reply", "tool-call"]
    assert sum(m["role"] == "assistant" for m in builtin_samples()[1].messages) == 2
    sample = tmp_path / "s.jsonl"
    sample.write_text('{"conversations": [{"from": "human", "value": "a"}, {"from": "gpt", "value": "b"}]}\n\n')
    [loaded] = load_samples(sample)
    assert loaded.messages == [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]
    assert "conversations" in loaded.record


@pytest.mark.parametrize(
    "line, message",
    [
        ("not json", "not valid JSON"),
        ('{"text": "x"}', "expected a 'messages' list"),
        ('{"messages": [{"role": "user", "content": "x"}]}', "no assistant turn"),
    ],
)
def test_bad_samples(tmp_path, line, message):
    sample = tmp_path / "bad.jsonl"
    sample.write_text(line + "\n")
    with pytest.raises(LabelsError, match=message):
        load_samples(sample)


def test_config_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.chatlint.labels]\ntarget = "a.py:C"\ntokenizer = "tok"\nargs = { max_length = 8 }\n'
        'sample = "s.jsonl"\nmode = "full"\nmax-examples = 3\n'
    )
    config = load_config(tmp_path)
    assert (config.target, config.tokenizer, config.args, config.sample) == (
        "a.py:C",
        "tok",
        {"max_length": 8},
        "s.jsonl",
    )
    assert (config.mode, config.max_examples, config.root) == ("full", 3, tmp_path.resolve())


@pytest.mark.parametrize(
    "body, message",
    [
        ('mode = "everything"', "mode must be one of"),
        ("max-examples = 0", "positive integer"),
        ('args = "x"', "args must be a table"),
        ("target = 3", "target must be a string"),
        ("bogus = 1", "unknown key 'bogus'"),
    ],
)
def test_config_errors(tmp_path, body, message):
    (tmp_path / "pyproject.toml").write_text("[tool.chatlint.labels]\n" + body + "\n")
    with pytest.raises(LabelsError, match=message):
        load_config(tmp_path)
