"""Built-in targets (trl:sft) and factory targets configured by a training config (--config axolotl.yml).

Neither trl nor axolotl is needed: trl:sft runs its mirror of trl 0.24.0 when trl is not installed, and the
factory mechanism is tested with a factory module written here, shaped like axolotl's (a function of the
tokenizer, the config and its dataset entry that returns an object with ``tokenize_prompt``).
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from chatlint.labels import LabelsError, verify
from chatlint.labels.builtins import builtin_names
from chatlint.labels.command import labels
from chatlint.labels.factory import read_config

CHAT = [{"role": "user", "content": "Name a prime number."}, {"role": "assistant", "content": "Seven is prime."}]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    return path


def test_trl_sft_messages_train_everything_by_default(tokenizers):
    report = verify("trl:sft", tokenizers["llama3"])
    assert report.ok and report.target_kind == "built-in" and report.mode == "full"
    assert any("trl 0.24.0" in note for note in report.notes)


def test_trl_sft_conversational_prompt_completion(tmp_path, tokenizers):
    """trl 0.24 counts the prompt as len(apply_chat_template(prompt, tokenize=True, ...)): on a transformers
    that returns a BatchEncoding there (5.x) that is 2, and the prompt is trained; where it is a list of ids,
    only the completion is."""
    tokenizer = tokenizers["llama3"]
    sample = write_jsonl(tmp_path / "pc.jsonl", [{"prompt": CHAT[:1], "completion": CHAT[1:]}])
    report = verify("trl:sft", tokenizer, sample=sample, mode="assistant-only")
    returns_dict = hasattr(tokenizer.apply_chat_template(CHAT[:1], tokenize=True, add_generation_prompt=True), "keys")
    assert [p.check for p in report.problems] == (["prompt-trained"] if returns_dict else [])
    assert report.examples[0].trained[-1]  # the end-of-turn token of the completion is trained either way


def test_trl_sft_release_1_16(tmp_path, tokenizers):
    """trl 1.16 asks for a dict, so the prompt is counted right, and starts the completion where the prompt and
    prompt + completion renders diverge; it cuts labels with the ids (keep_end too) and drops a row left with none."""
    chat2 = CHAT + [{"role": "user", "content": "And an even one?"}, {"role": "assistant", "content": "Two."}]
    records = [{"prompt": CHAT[:1], "completion": CHAT[1:]}, {"prompt": chat2[:3], "completion": chat2[3:]}]
    sample = write_jsonl(tmp_path / "pc.jsonl", records)
    args = {"release": "1.16.0"}
    report = verify("trl:sft", tokenizers["llama3"], sample=sample, args=args, mode="last-reply")
    assert report.ok and any("trl 1.16.0's SFTTrainer" in note for note in report.notes)
    kept_end = verify("trl:sft", tokenizers["llama3"], sample=sample, args={**args, "truncation_mode": "keep_end"})
    assert kept_end.ok
    with pytest.raises(LabelsError, match="no trained label left after truncation"):
        verify("trl:sft", tokenizers["llama3"], sample=sample, args={**args, "max_length": 30})
    with pytest.raises(LabelsError, match="truncation_mode is a setting of trl 1.x"):
        verify("trl:sft", tokenizers["llama3"], args={"release": "0.24.0", "truncation_mode": "keep_end"})
    with pytest.raises(LabelsError, match="release '0.99' is not mirrored"):
        verify("trl:sft", tokenizers["llama3"], args={"release": "0.99"})


def test_trl_sft_plain_text_prompt_completion(tmp_path, tokenizers):
    sample = write_jsonl(tmp_path / "text.jsonl", [{"prompt": "Question: a prime?\nAnswer:", "completion": " Seven."}])
    report = verify("trl:sft", tokenizers["mistral"], sample=sample)
    assert report.ok and report.mode == "assistant-only" and report.method == "text"
    [example] = report.examples
    assert example.tokens[-1] == "</s>" and example.trained[-1]  # trl appends the EOS, and it is trained
    assert not any(example.trained[:5])  # the prompt is masked (completion_only_loss defaults to True here)
    full = verify("trl:sft", tokenizers["mistral"], sample=sample, args={"completion_only_loss": False})
    assert full.ok and full.mode == "full"


def test_plain_text_reference_wants_the_eos(tmp_path, tokenizers):
    """A pipeline that tokenizes prompt + completion without the EOS never learns to stop."""
    pipeline = tmp_path / "no_eos.py"
    pipeline.write_text(
        textwrap.dedent(
            """
            def tokenize(example, tokenizer):
                prompt = tokenizer(example["prompt"])["input_ids"]
                ids = tokenizer(example["prompt"] + example["completion"])["input_ids"]
                return {"input_ids": ids, "labels": [-100] * len(prompt) + ids[len(prompt):]}
            """
        )
    )
    sample = write_jsonl(tmp_path / "text.jsonl", [{"prompt": "Question: a prime?\nAnswer:", "completion": " Seven."}])
    report = verify(f"{pipeline}:tokenize", tokenizers["mistral"], sample=sample)
    assert [p.check for p in report.problems] == ["missing-end-of-turn"]


def test_trl_sft_settings(tokenizers):
    report = verify("trl:sft", tokenizers["chatml"], args={"max_length": 40})
    assert report.ok and {w.check for w in report.warnings} == {"reply-truncated"}
    with pytest.raises(LabelsError, match="unknown --arg packing_strategy; it takes assistant_only_loss"):
        verify("trl:sft", tokenizers["chatml"], args={"packing_strategy": "bfd"})
    with pytest.raises(LabelsError, match="packing=False"):
        verify("trl:sft", tokenizers["chatml"], args={"packing": True})
    # the template has no {% generation %} block: SFTTrainer refuses assistant_only_loss, so does the check
    with pytest.raises(LabelsError, match="no assistant tokens"):
        verify("trl:sft", tokenizers["chatml"], args={"assistant_only_loss": True})


def test_help_lists_every_builtin_target():
    result = CliRunner().invoke(labels, ["--help"])
    assert all(name in result.output for name in builtin_names())


FACTORY = '''
"""A factory shaped like axolotl's chat_template loader: (tokenizer, cfg, ds_cfg) -> strategy."""


class Strategy:
    def __init__(self, tokenizer, field_messages, role, content, roles_to_train, train_on_eos, max_length):
        self.tokenizer = tokenizer
        self.field_messages, self.role, self.content = field_messages, role, content
        self.roles_to_train, self.train_on_eos, self.max_length = roles_to_train, train_on_eos, max_length

    def render(self, messages, generation):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=generation)

    def ids(self, text):
        return self.tokenizer(text, add_special_tokens=False)["input_ids"]

    def tokenize_prompt(self, row):
        turns = [{"role": m[self.role], "content": m[self.content]} for m in row[self.field_messages]]
        input_ids, labels, done = [], [], ""
        for index, turn in enumerate(turns):
            header = self.render(turns[:index], True) if turn["role"] == "assistant" else done
            through = self.render(turns[: index + 1], False)
            head, body = self.ids(header[len(done):]), self.ids(through[len(header):])
            trained = turn["role"] in self.roles_to_train
            body_labels = list(body) if trained else [-100] * len(body)
            if trained and self.train_on_eos == "none":
                body_labels[-1] = -100
            input_ids += head + body
            labels += [-100] * len(head) + body_labels
            done = through
        return {"input_ids": input_ids[: self.max_length], "labels": labels[: self.max_length]}


def load(tokenizer, cfg, ds_cfg=None, processor=None):
    mappings = ds_cfg.get("message_property_mappings") or {}
    return Strategy(
        tokenizer,
        ds_cfg.get("field_messages", "messages"),
        mappings.get("role", "role"),
        mappings.get("content", "content"),
        ds_cfg.get("roles_to_train", ["assistant"]),
        ds_cfg.get("train_on_eos", "turn"),
        cfg.sequence_len + 1,
    )
'''

CONFIG = """
base_model: local
sequence_len: {sequence_len}
chat_template: {chat_template}
datasets:
  - path: other.jsonl
    type: alpaca
  - path: data.jsonl
    type: chat_template
    field_messages: conversations
    message_property_mappings:
      role: from
      content: value
    roles_to_train: ["assistant"]
    train_on_eos: {train_on_eos}
"""


def write_config(folder: Path, train_on_eos: str = "turn", sequence_len: int = 2048, extra: str = "") -> Path:
    path = folder / "axolotl.yml"
    template = "tokenizer_default"
    path.write_text(CONFIG.format(train_on_eos=train_on_eos, sequence_len=sequence_len, chat_template=template) + extra)
    return path


@pytest.fixture
def factory_file(tmp_path: Path) -> Path:
    path = tmp_path / "strategy_factory.py"
    path.write_text(FACTORY)
    return path


def test_factory_target_reads_the_config(tmp_path, tokenizers, factory_file):
    turns = [{"from": "user", "value": "Name a prime."}, {"from": "assistant", "value": "Seven."}]
    sample = write_jsonl(tmp_path / "data.jsonl", [{"conversations": turns}])
    report = verify(f"{factory_file}:load", tokenizers["llama3"], config=write_config(tmp_path), sample=sample)
    assert report.ok and report.target_kind == "factory" and report.mode == "assistant-only"
    assert any("datasets[1] (type chat_template), sample fields messages=conversations" in n for n in report.notes)
    # the verdict follows the config: train_on_eos none masks every end-of-turn token
    masked = verify(f"{factory_file}:load", tokenizers["llama3"], config=write_config(tmp_path, "none"), sample=sample)
    assert [p.check for p in masked.problems] == ["end-of-turn-not-trained"]


def test_factory_target_on_builtin_conversations(tmp_path, tokenizers, factory_file):
    """Without --sample the built-in conversations are written with the config's field names."""
    report = verify(f"{factory_file}:load", tokenizers["chatml"], config=write_config(tmp_path, sequence_len=64))
    # the four conversations; the tool call is left out (this factory's pipeline does not take tool calls)
    assert report.ok and len(report.examples) == 4
    assert any(note.startswith("tool-call: left out") for note in report.notes), report.notes
    assert [w.check for w in report.warnings] == ["reply-truncated"]  # sequence_len is the truncation length


def test_builtin_conversations_under_both_default_names(tmp_path, tokenizers):
    """A config that names no messages field: the built-in conversations are under `messages` and under
    `conversations` (axolotl's default up to 0.6)."""
    factory = tmp_path / "old_factory.py"
    factory.write_text(FACTORY.replace('"field_messages", "messages"', '"field_messages", "conversations"'))
    config = tmp_path / "minimal.yml"
    config.write_text("sequence_len: 2048\ndatasets:\n  - path: data.jsonl\n    type: chat_template\n")
    assert verify(f"{factory}:load", tokenizers["llama3"], config=config).ok
    # --sample-field names the field for the built-in conversations too
    renamed = tmp_path / "renamed.py"
    renamed.write_text(FACTORY.replace('"field_messages", "messages"', '"field_messages", "dialog"'))
    assert verify(f"{renamed}:load", tokenizers["llama3"], config=config, sample_fields={"messages": "dialog"}).ok


def test_factory_cli(tmp_path, tokenizer_dirs, factory_file):
    result = CliRunner().invoke(
        labels,
        [f"{factory_file}:load", "--tokenizer", str(tokenizer_dirs["phi3"]), "--config", str(write_config(tmp_path))],
    )
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(
        labels,
        [f"{factory_file}:load", "--tokenizer", str(tokenizer_dirs["phi3"]), "--config", str(tmp_path / "no.yml")],
    )
    assert result.exit_code == 2 and "cannot read the config file" in result.output


def test_factory_config_from_pyproject(tmp_path, tokenizer_dirs, factory_file, monkeypatch):
    write_config(tmp_path, "none")
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.chatlint.labels]\ntarget = "{factory_file.name}:load"\ntokenizer = "{tokenizer_dirs["llama3"]}"\n'
        'config = "axolotl.yml"\n'
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(labels, ["--output-format", "json"])
    assert result.exit_code == 1
    assert "end-of-turn-not-trained" in result.output  # train_on_eos: none was read


def test_factory_result_must_tokenize(tmp_path, tokenizers):
    factory = tmp_path / "bad_factory.py"
    factory.write_text(
        "def load(tokenizer, cfg, ds_cfg):\n    return 42\n\ndef needs(tokenizer, cfg, other):\n    pass\n"
    )
    with pytest.raises(LabelsError, match="neither callable nor has a tokenize_prompt method"):
        verify(f"{factory}:load", tokenizers["chatml"], config=write_config(tmp_path))
    with pytest.raises(LabelsError, match="parameter 'other' is not the tokenizer"):
        verify(f"{factory}:needs", tokenizers["chatml"], config=write_config(tmp_path))


def test_read_config(tmp_path):
    config = read_config(write_config(tmp_path))
    assert config.dataset_index == 1 and config.dataset["train_on_eos"] == "turn"
    assert config.sample_fields == {"messages": "conversations", "role": "from", "content": "value"}
    assert config.sequence_len == 2048 and config.values["train_on_inputs"] is False  # axolotl's default
    legacy = tmp_path / "legacy.yml"
    legacy.write_text("datasets:\n  - type: chat_template\n    message_field_role: speaker\n")
    assert read_config(legacy).sample_fields == {"role": "speaker"}
    assert read_config(legacy).sequence_len == 512  # axolotl's default
    none = tmp_path / "none.yml"
    none.write_text("datasets:\n  - type: alpaca\n")
    with pytest.raises(LabelsError, match="no 'datasets:' entry has type chat_template"):
        read_config(none)
    bad = tmp_path / "bad.yml"
    bad.write_text("datasets: [\n")
    with pytest.raises(LabelsError, match="not valid YAML"):
        read_config(bad)


def test_config_chat_template_is_the_reference(tmp_path, tokenizers, factory_file):
    """chat_template: jinja renders with the config's template, in the pipeline and in the reference."""
    from tokenizer_factory import CHATML_TEMPLATE

    path = write_config(tmp_path).read_text().replace("chat_template: tokenizer_default", "chat_template: jinja")
    config = tmp_path / "jinja.yml"
    config.write_text(path + "chat_template_jinja: " + json.dumps(CHATML_TEMPLATE) + "\n")
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tokenizers["chatml"].name_or_path)
    tokenizer.chat_template = "{{ raise_exception('not this one') }}"
    report = verify(f"{factory_file}:load", tokenizer, config=config)
    assert report.ok and any("chat_template jinja" in note for note in report.notes)
    named = tmp_path / "named.yml"
    named.write_text(path.replace("chat_template: jinja", "chat_template: chatml"))
    with pytest.raises(LabelsError, match="names one of axolotl's built-in templates"):
        verify(f"{factory_file}:load", tokenizer, config=named)


def test_axolotl_alias_needs_a_config_and_axolotl(tmp_path, tokenizers):
    with pytest.raises(LabelsError, match="pass --config"):
        verify("axolotl:chat_template", tokenizers["chatml"])
    with pytest.raises(LabelsError, match="takes its settings as --arg"):
        verify("trl:sft", tokenizers["chatml"], config=write_config(tmp_path))
    try:
        import axolotl  # noqa: F401
    except ImportError:
        with pytest.raises(LabelsError, match="cannot import module 'axolotl.prompt_strategies.chat_template'"):
            verify("axolotl:chat_template", tokenizers["chatml"], config=write_config(tmp_path))
