"""Each check, in each chat format: a collator with exactly that bug is reported, a right one passes."""

from __future__ import annotations

import pytest
import transformers
from collators import ChatCollator, PromptCompletionCollator, tokenize_example, tokenize_example_stray

from chatlint.labels import verify
from chatlint.labels.model import SEVERITIES, Severity

TRANSFORMERS_MAJOR = int(transformers.__version__.split(".")[0])

# check -> (ChatCollator arguments with that bug, families where the bug cannot happen)
BUGS = {
    "stray-generation-prompt": ({"bug": "stray"}, {"mistral": "Mistral's template has no generation header"}),
    "assistant-not-trained": ({"bug": "role-typo"}, {}),
    "prompt-trained": ({"bug": "train-header"}, {}),
    "end-of-turn-not-trained": ({"bug": "content-only"}, {}),
    "extra-bos": ({"bug": "double-bos"}, {"chatml": "ChatML has no BOS token"}),
    "missing-end-of-turn": ({"bug": "no-end-of-turn"}, {}),
    "reply-truncated": ({"max_length": 64}, {}),
    "labels-misaligned": ({"bug": "labels-other-side"}, {}),
    "template-mismatch": ({"bug": "drop-system"}, {}),
}

# checks a bug also trips: a row that trains nothing is marker-not-found's too (it counts such rows)
ALSO = {"assistant-not-trained": ["marker-not-found"]}


def test_right_collator_passes(tokenizers, family):
    report = verify(ChatCollator(tokenizers[family]), tokenizers[family])
    assert report.ok, [p.message for p in report.problems]
    assert report.mode == "assistant-only" and report.mode_inferred
    assert report.method == "prefix"
    assert len(report.examples) == 4


@pytest.mark.parametrize("check", list(BUGS))
def test_each_bug_is_reported_alone(tokenizers, family, check):
    arguments, immune = BUGS[check]
    report = verify(ChatCollator(tokenizers[family], **arguments), tokenizers[family])
    if family in immune:
        # the same code is right by accident in this format: nothing to report
        assert report.ok, (immune[family], [p.message for p in report.problems])
        return
    assert checks_found(report) == sorted([check, *ALSO.get(check, [])]), [
        (p.check, p.message) for p in report.problems
    ]
    assert report.ok is (SEVERITIES[check] is Severity.WARNING)  # a warning does not fail the run
    for problem in report.problems:
        assert problem.positions and len(problem.tokens) == len(problem.positions)
        assert problem.message
        assert problem.severity is SEVERITIES[problem.check]


def checks_found(report):
    return sorted({problem.check for problem in report.problems})


def test_stray_generation_prompt_shows_the_header(tokenizers):
    report = verify(ChatCollator(tokenizers["llama3"], bug="stray"), tokenizers["llama3"])
    assert {p.example for p in report.problems} == {0, 1, 2, 3}
    problem = report.problems[0]
    example = report.examples[problem.example]
    assert problem.positions[-1] == len(example.input_ids) - 1  # at the end
    assert "".join(problem.tokens) == "<|start_header_id|>assistant<|end_header_id|>\n\n"
    assert "add_generation_prompt=False" in problem.message


def test_founding_bug_prompt_completion_collator_on_llama3(tokenizers):
    """A collator that renders the finished conversation with add_generation_prompt=True (and trains it)."""
    tokenizer = tokenizers["llama3"]
    report = verify(PromptCompletionCollator(tokenizer, generation_prompt_on_full=True), tokenizer)
    assert report.checks_failed() == ["stray-generation-prompt"]
    assert report.mode == "last-reply"
    assert "tokens are trained" in report.problems[0].message
    assert report.examples[0].padding == "left"
    fixed = verify(PromptCompletionCollator(tokenizer), tokenizer)
    assert fixed.ok and fixed.mode == "last-reply"


def test_stray_header_after_an_assistant_turn_is_found_in_the_middle(tokenizers):
    """Rendering each turn with the generation prompt leaves a header after the first reply."""
    tokenizer = tokenizers["chatml"]

    def collate(examples):
        rows, labels = [], []
        for example in examples:
            messages = example["messages"]
            text = ""
            for end in range(1, len(messages) + 1):  # turn by turn, each with the header: wrong after a reply
                if messages[end - 1]["role"] == "assistant":
                    text += tokenizer.apply_chat_template(
                        messages[end - 1 : end], tokenize=False, add_generation_prompt=True
                    )
                else:
                    text += tokenizer.apply_chat_template(messages[end - 1 : end], tokenize=False)
            ids = tokenizer(text, add_special_tokens=False)["input_ids"]
            rows.append(ids)
            labels.append(list(ids))
        return {"input_ids": rows, "labels": labels}

    from chatlint.labels.samples import builtin_samples

    multi = [s for s in builtin_samples() if s.name == "multi-turn"]
    report = verify(collate, tokenizer, sample=multi)
    strays = [p for p in report.problems if p.check == "stray-generation-prompt"]
    assert len(strays) == 2
    assert "after an assistant turn" in strays[0].message
    assert "at the end" in strays[1].message


@pytest.mark.parametrize("family_name", ["llama3", "chatml", "mistral"])
def test_pad_equals_eos_masked_by_value(tokenizers, family_name):
    tokenizer = tokenizers[family_name]
    report = verify(ChatCollator(tokenizer, bug="pad-eos"), tokenizer)
    assert report.checks_failed() == ["end-of-turn-not-trained"]


@pytest.mark.parametrize("family_name", ["gemma", "phi3"])
def test_pad_equals_eos_is_harmless_when_eos_does_not_end_turns(tokenizers, family_name):
    tokenizer = tokenizers[family_name]
    assert verify(ChatCollator(tokenizer, bug="pad-eos"), tokenizer).ok


def test_pad_hint_when_end_of_turn_is_the_pad_token(tokenizers):
    tokenizer = tokenizers["mistral"]  # pad = eos = </s>
    report = verify(ChatCollator(tokenizer, bug="pad-eos"), tokenizer)
    assert "pad token" in report.problems[0].message


def test_prompt_mask_without_generation_prompt(tokenizers, family):
    tokenizer = tokenizers[family]
    report = verify(PromptCompletionCollator(tokenizer, prompt_generation_prompt=False), tokenizer)
    if family == "mistral":  # no header to leave out
        assert report.ok
        return
    assert report.checks_failed() == ["prompt-trained"]
    assert "assistant header" in report.problems[0].message


def test_batch_encoding_length_as_prompt_length(tokenizers):
    """len(apply_chat_template(prompt)) is the prompt length on 4.x but 2 on 5.x (a BatchEncoding)."""
    tokenizer = tokenizers["llama3"]
    report = verify(PromptCompletionCollator(tokenizer, prompt_length="template-call"), tokenizer)
    if TRANSFORMERS_MAJOR >= 5:
        assert report.checks_failed() == ["prompt-trained"]
        assert report.mode == "assistant-only"
        # the message names the cause and the static rule that finds it
        assert all("`BatchEncoding`" in p.message and "CL005" in p.message for p in report.problems)
    else:
        assert report.ok


def test_a_header_mask_is_not_called_a_batch_encoding(tokenizers):
    tokenizer = tokenizers["llama3"]
    report = verify(ChatCollator(tokenizer, bug="train-header"), tokenizer)
    assert report.checks_failed() == ["prompt-trained"]
    assert not any("CL005" in p.message for p in report.problems)


def test_full_mode_inferred_and_explicit(tokenizers, family):
    tokenizer = tokenizers[family]
    collator = ChatCollator(tokenizer, train="full")
    report = verify(collator, tokenizer)
    assert report.ok and report.mode == "full"
    strict = verify(collator, tokenizer, mode="assistant-only")
    assert strict.checks_failed() == ["prompt-trained"]
    assert "--mode full" in strict.problems[0].message


def test_explicit_assistant_only_flags_untrained_earlier_reply(tokenizers):
    tokenizer = tokenizers["gemma"]
    report = verify(PromptCompletionCollator(tokenizer), tokenizer, mode="assistant-only")
    assert report.checks_failed() == ["assistant-not-trained"]
    assert [p.example for p in report.problems] == [1]  # the multi-turn conversation's first reply


def test_reply_truncated_names_the_reply(tokenizers):
    tokenizer = tokenizers["phi3"]
    report = verify(PromptCompletionCollator(tokenizer, max_length=64), tokenizer)
    assert report.ok and report.checks_warned() == ["reply-truncated"] and report.checks_failed() == []
    [problem] = report.problems
    assert report.examples[problem.example].name == "long-reply"
    assert report.examples[problem.example].builtin
    assert problem.severity is Severity.WARNING
    assert "truncation (max_length 64) cut the assistant reply in message 2" in problem.message
    assert "stops mid-way" in problem.message and " is gone" not in problem.message


def test_per_example_functions(tokenizers, family):
    tokenizer = tokenizers[family]
    good = verify(tokenize_example, tokenizer)
    assert good.target_kind == "example-function"
    assert good.ok and good.mode == "last-reply"
    bad = verify(tokenize_example_stray, tokenizer)
    if family == "mistral":
        assert bad.ok
    else:
        assert bad.checks_failed() == ["stray-generation-prompt"]


def test_expected_and_trained_masks_in_examples(tokenizers):
    tokenizer = tokenizers["llama3"]
    report = verify(ChatCollator(tokenizer, bug="content-only"), tokenizer)
    example = report.examples[0]
    end = example.tokens.index("<|eot_id|>", len(example.tokens) - 2)
    assert example.expected[end] is True and example.trained[end] is False
    assert example.roles[end] == "end-of-turn"
    assert example.expected[1] is False  # prompt


def test_bos_the_template_does_not_write_is_a_template_mismatch(tokenizer_dirs):
    """Like Phi-3: the template writes no BOS, but tokenizer(text) adds one."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(tokenizer_dirs["phi3"]))
    tokenizer.chat_template = tokenizer.chat_template.replace("{{- bos_token }}", "")
    report = verify(ChatCollator(tokenizer, bug="double-bos"), tokenizer)
    assert report.checks_failed() == ["template-mismatch"]
    assert report.problems[0].tokens == ["<s>"]
    assert verify(ChatCollator(tokenizer), tokenizer).ok
