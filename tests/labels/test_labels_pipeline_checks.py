"""The pipeline checks (marker-not-found, empty-assistant-mask, doubled-end-of-turn, end-of-turn-not-generation-eos,
labels-shifted-twice): for each, a small pipeline written into tmp_path that trips it and its legitimate twin that
passes, on tokenizers built here (tokenizer_factory) with templates written here."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from tokenizer_factory import FAMILIES, Family, build_tokenizer

from chatlint.labels import verify
from chatlint.labels.markers import Marker, count_sublist, match_marker

PIPELINE = '''\
IGNORE = -100


def _render(tokenizer, messages, generation_prompt=False):
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=generation_prompt)


def _ids(tokenizer, text):
    return list(tokenizer(text, add_special_tokens=False)["input_ids"])


def _find(ids, part):
    return [i for i in range(len(ids) - len(part) + 1) if ids[i : i + len(part)] == part]


def _batch(tokenizer, rows):
    width = max(len(ids) for ids, _ in rows)
    pad = tokenizer.pad_token_id
    return {
        "input_ids": [ids + [pad] * (width - len(ids)) for ids, _ in rows],
        "attention_mask": [[1] * len(ids) + [0] * (width - len(ids)) for ids, _ in rows],
        "labels": [labels + [IGNORE] * (width - len(labels)) for _, labels in rows],
    }


class CompletionOnlyCollator:
    """Trains what follows each response marker, up to the next instruction marker (trl's completion-only way)."""

    def __init__(self, tokenizer, response_template, instruction_template=None):
        self.tokenizer = tokenizer
        self.response_template = response_template
        self.instruction_template = instruction_template
        self.response_token_ids = self._marker_ids(response_template)
        self.instruction_token_ids = self._marker_ids(instruction_template) if instruction_template else None

    def _marker_ids(self, template):
        if isinstance(template, str):
            return self.tokenizer.encode(template, add_special_tokens=False)
        return list(template)

    def __call__(self, examples):
        rows = []
        for example in examples:
            ids = _ids(self.tokenizer, _render(self.tokenizer, example["messages"]))
            labels = [IGNORE] * len(ids)
            stops = _find(ids, self.instruction_token_ids) if self.instruction_token_ids else []
            for found in _find(ids, self.response_token_ids):
                start = found + len(self.response_token_ids)
                end = min([stop for stop in stops if stop >= start], default=len(ids))
                labels[start:end] = ids[start:end]
            rows.append((ids, labels))
        return _batch(self.tokenizer, rows)


def last_reply_batch(examples, tokenizer, append_eos=False, train_appended=True, strip=False):
    """Trains the last reply after the prompt render's length; append_eos adds tokenizer.eos_token to the render
    (masked unless train_appended; after stripping the render's trailing newline if strip)."""
    rows = []
    for example in examples:
        messages = example["messages"]
        text = _render(tokenizer, messages)
        text = (text.rstrip() if strip else text) + (tokenizer.eos_token if append_eos else "")
        ids = _ids(tokenizer, text)
        prompt = len(_ids(tokenizer, _render(tokenizer, messages[:-1], generation_prompt=True)))
        labels = [IGNORE] * prompt + ids[prompt:]
        if append_eos and not train_appended:
            labels[-1] = IGNORE
        rows.append((ids, labels))
    return _batch(tokenizer, rows)


def shifted_example(example, tokenizer, shift=True):
    """One example's ids and labels of its last reply; shift=True shifts the labels by one, keeping their length."""
    messages = example["messages"]
    ids = _ids(tokenizer, _render(tokenizer, messages))
    prompt = len(_ids(tokenizer, _render(tokenizer, messages[:-1], generation_prompt=True)))
    labels = [IGNORE] * prompt + ids[prompt:]
    if shift:
        labels = labels[1:] + [IGNORE]
    return {"input_ids": ids, "labels": labels}


def shift_labels_example(example, tokenizer):
    """Pre-shifted labels under the name transformers' loss takes without shifting them again."""
    shifted = shifted_example(example, tokenizer)
    return {"input_ids": shifted["input_ids"], "shift_labels": shifted["labels"]}


def assistant_mask_example(example, tokenizer):
    """transformers' own assistant mask: input_ids, attention_mask, assistant_masks (no labels)."""
    return tokenizer.apply_chat_template(
        example["messages"], tokenize=True, return_dict=True, return_assistant_tokens_mask=True
    )


class UnusedMarkerCollator:
    """Keeps a response_template it never searches for (a format string); trains the last reply by prefix renders."""

    response_template = "### Response: {reply}"

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, examples):
        return last_reply_batch(examples, self.tokenizer)


class NoToolsCollator:
    """Trains every assistant reply found by its text; refuses a tool call (written for data without tools)."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, examples):
        for example in examples:
            for message in example["messages"]:
                if message.get("tool_calls"):
                    raise ValueError("tool calls are not supported")
        return CompletionOnlyCollator(self.tokenizer, "<|im_start|>assistant\\n", "<|im_start|>")(examples)
'''

# Alpaca-style plain-text markers, tokenized the SentencePiece way: `### Assistant:` alone starts with `▁`, after
# the newline in the conversation it does not (trl issue 598).
PLAIN_MARKERS_TEMPLATE = (
    "{{- bos_token }}"
    "{%- for message in messages %}"
    "{%- if message['role'] == 'system' %}{{- message['content'] + '\\n\\n' }}"
    "{%- elif message['role'] == 'user' %}{{- '### Human: ' + message['content'] + '\\n' }}"
    "{%- elif message['role'] == 'assistant' %}{{- '### Assistant: ' + message['content'] + eos_token + '\\n' }}"
    "{%- endif %}{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '### Assistant:' }}{%- endif %}"
)

# ChatML with tool calls and tool results (Qwen 2.5 style, written here); GENERATION wraps each reply in
# {% generation %} so that return_assistant_tokens_mask works.
TOOLS_TEMPLATE = (
    "{%- for message in messages %}"
    "{%- if message['role'] == 'assistant' %}"
    "{{- '<|im_start|>assistant\\n' }}GEN_OPEN{{- message['content'] or '' }}"
    "{%- for call in message['tool_calls'] or [] %}"
    "{{- '<tool_call>\\n' + ({'name': call['function']['name'], 'arguments': call['function']['arguments']} | tojson)"
    " + '\\n</tool_call>' }}"
    "{%- endfor %}{{- '<|im_end|>' }}GEN_CLOSE{{- '\\n' }}"
    "{%- elif message['role'] == 'tool' %}"
    "{{- '<|im_start|>user\\n<tool_response>\\n' + message['content'] + '\\n</tool_response><|im_end|>\\n' }}"
    "{%- else %}{{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}"
    "{%- endif %}{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}"
)
CHATML = FAMILIES["chatml"]


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pipeline") / "pipeline.py"
    path.write_text(PIPELINE)
    return path


@pytest.fixture(scope="module")
def plain_markers(tmp_path_factory: pytest.TempPathFactory) -> Path:
    family = Family(
        "plain", PLAIN_MARKERS_TEMPLATE, bos="<s>", eos="</s>", pad="<unk>", end_of_turn="</s>", unk="<unk>"
    )
    return build_tokenizer(family, tmp_path_factory.mktemp("plain") / "tok", sentencepiece=True)


@pytest.fixture(scope="module")
def tools_dirs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    plain = TOOLS_TEMPLATE.replace("GEN_OPEN", "").replace("GEN_CLOSE", "")
    generation = TOOLS_TEMPLATE.replace("GEN_OPEN", "{% generation %}").replace("GEN_CLOSE", "{% endgeneration %}")
    root = tmp_path_factory.mktemp("tools")
    return {
        "tools": build_tokenizer(
            Family("tools", plain, None, CHATML.eos, CHATML.pad, CHATML.end_of_turn, CHATML.extra_specials),
            root / "tools",
        ),
        "generation": build_tokenizer(
            Family("generation", generation, None, CHATML.eos, CHATML.pad, CHATML.end_of_turn, CHATML.extra_specials),
            root / "generation",
        ),
    }


def target(pipeline: Path, name: str) -> str:
    return f"{pipeline}:{name}"


def failed(report) -> list[str]:
    return report.checks_failed()


def messages(report) -> list[tuple[str, str]]:
    return [(p.check, p.message) for p in report.problems]


# --- marker-not-found ------------------------------------------------------------------------------------------


def test_plain_text_marker_tokenized_alone_is_not_found(pipeline, plain_markers):
    report = verify(
        target(pipeline, "CompletionOnlyCollator"),
        str(plain_markers),
        args={"response_template": "### Assistant:", "instruction_template": "### Human:"},
    )
    assert "marker-not-found" in failed(report), messages(report)
    found = [p for p in report.problems if p.check == "marker-not-found"]
    rows = len(report.examples)
    assert {p.example for p in found} == set(range(rows))  # every row: two markers each
    response = next(p for p in found if "response marker" in p.message)
    assert f"not found in {rows} of {rows} rows" in response.message
    assert "This row trains nothing." in response.message
    # its ids alone (with the word-start `▁`) and its ids in context (without it) are both shown
    assert "▁" in response.message.split("in the conversation")[0]
    assert "".join(response.tokens).strip() == "### Assistant:"


def test_marker_given_as_its_ids_in_context_passes(pipeline, plain_markers):
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(plain_markers))
    # trl's documented way: encode the marker after a newline, drop the tokens of the newline
    response = tokenizer.encode("\n### Assistant:", add_special_tokens=False)[2:]
    instruction = tokenizer.encode("\n### Human:", add_special_tokens=False)[2:]
    report = verify(
        target(pipeline, "CompletionOnlyCollator"),
        str(plain_markers),
        args={"response_template": response, "instruction_template": instruction},
    )
    assert report.ok, messages(report)


def test_marker_of_another_template_is_named(pipeline, tokenizer_dirs):
    report = verify(
        target(pipeline, "CompletionOnlyCollator"),
        str(tokenizer_dirs["chatml"]),
        args={"response_template": "### Assistant:"},
    )
    found = [p for p in report.problems if p.check == "marker-not-found"]
    assert found and all("this chat template does not write it" in p.message for p in found), messages(report)


def test_chatml_markers_with_a_special_token_pass(pipeline, tokenizer_dirs):
    report = verify(
        target(pipeline, "CompletionOnlyCollator"),
        str(tokenizer_dirs["chatml"]),
        args={"response_template": "<|im_start|>assistant\n", "instruction_template": "<|im_start|>user\n"},
    )
    assert report.ok, messages(report)
    assert "marker-not-found" not in report.not_checked


def test_a_marker_of_ids_outside_the_vocabulary_leaves_the_row_count(pipeline, tokenizer_dirs):
    report = verify(
        target(pipeline, "CompletionOnlyCollator"), str(tokenizer_dirs["chatml"]), args={"response_template": [999999]}
    )
    found = [p for p in report.problems if p.check == "marker-not-found"]
    assert found and all("rows train nothing" in p.message for p in found), messages(report)


def test_a_marker_the_labels_do_not_suffer_from_is_not_reported(pipeline, tokenizer_dirs):
    report = verify(target(pipeline, "UnusedMarkerCollator"), str(tokenizer_dirs["llama3"]))
    assert report.ok, messages(report)


def test_rows_that_train_nothing_are_counted(tokenizers):
    from collators import ChatCollator

    report = verify(ChatCollator(tokenizers["llama3"], bug="role-typo"), tokenizers["llama3"])
    found = [p for p in report.problems if p.check == "marker-not-found"]
    rows = len(report.examples)
    assert len(found) == rows and all(f"({rows} of {rows} rows train nothing)" in p.message for p in found)
    assert "no {% generation %} block" in found[0].message  # the family's template has none


def test_labels_built_from_an_assistant_mask_of_zeros_say_why(pipeline, tools_dirs):
    # the mask is used and dropped: only the labels are returned, so the rows train nothing
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(tools_dirs["tools"]))

    def collate(examples):
        rows = [
            tokenizer.apply_chat_template(
                example["messages"], tokenize=True, return_dict=True, return_assistant_tokens_mask=True
            )
            for example in examples
        ]
        width = max(len(row["input_ids"]) for row in rows)
        return {
            "input_ids": [row["input_ids"] + [0] * (width - len(row["input_ids"])) for row in rows],
            "attention_mask": [[1] * len(row["input_ids"]) + [0] * (width - len(row["input_ids"])) for row in rows],
            "labels": [
                [t if m else -100 for t, m in zip(row["input_ids"], row["assistant_masks"])]
                + [-100] * (width - len(row["input_ids"]))
                for row in rows
            ],
        }

    report = verify(collate, tokenizer)
    found = [p for p in report.problems if p.check == "marker-not-found"]
    assert found and "{% generation %}" in found[0].message, messages(report)


def test_match_marker_counts_text_and_ids():
    marker = Marker("response", "response_template", "AB", [7, 8], ["A", "B"])
    match = match_marker(marker, [1, 9, 8, 2, 7, 8], ["x", "A", "B", "y", "A", "B"])
    assert (match.text_count, match.ids_count, match.context_positions) == (2, 1, [1, 2])
    assert match.missing
    assert count_sublist([1, 1, 1], [1, 1]) == 2 and count_sublist([1], []) == 0


# --- empty-assistant-mask --------------------------------------------------------------------------------------


def test_assistant_mask_of_a_template_without_generation_block_is_empty(pipeline, tools_dirs):
    report = verify(target(pipeline, "assistant_mask_example"), str(tools_dirs["tools"]))
    assert "empty-assistant-mask" in failed(report), messages(report)
    problem = next(p for p in report.problems if p.check == "empty-assistant-mask")
    assert "{% generation %}" in problem.message and "assistant_masks" in problem.message
    assert not any(p.check == "marker-not-found" for p in report.problems)  # the empty mask explains the rows


def test_assistant_mask_of_a_template_with_generation_block_passes(pipeline, tools_dirs):
    report = verify(target(pipeline, "assistant_mask_example"), str(tools_dirs["generation"]))
    assert report.ok, messages(report)
    assert "empty-assistant-mask" not in report.not_checked


def test_no_assistant_mask_is_not_checked(pipeline, tokenizer_dirs):
    report = verify(target(pipeline, "last_reply_batch"), str(tokenizer_dirs["chatml"]))
    assert "empty-assistant-mask" in report.not_checked


# --- doubled-end-of-turn ---------------------------------------------------------------------------------------


def test_eos_appended_to_a_finished_render_is_doubled(pipeline, tokenizer_dirs, family):
    report = verify(target(pipeline, "last_reply_batch"), str(tokenizer_dirs[family]), args={"append_eos": True})
    assert failed(report) == ["doubled-end-of-turn"], messages(report)
    problem = report.problems[0]
    end = FAMILIES[family]
    assert problem.tokens[0] == end.end_of_turn and problem.tokens[-1] == end.eos
    assert len(report.problems) == len(report.examples)  # one per row, and no template-mismatch beside it


@pytest.mark.parametrize("family_name", ["chatml", "gemma", "phi3"])  # templates that end a turn with a newline
def test_eos_appended_to_a_stripped_render_is_doubled(pipeline, tokenizer_dirs, family_name):
    args = {"append_eos": True, "strip": True}
    report = verify(target(pipeline, "last_reply_batch"), str(tokenizer_dirs[family_name]), args=args)
    assert failed(report) == ["doubled-end-of-turn"], messages(report)
    assert report.problems[0].tokens == [FAMILIES[family_name].end_of_turn, FAMILIES[family_name].eos]


def test_render_without_appended_eos_passes(pipeline, tokenizer_dirs, family):
    report = verify(target(pipeline, "last_reply_batch"), str(tokenizer_dirs[family]))
    assert report.ok, messages(report)


def test_doubled_end_that_is_masked_is_a_warning(pipeline, tokenizer_dirs):
    args = {"append_eos": True, "train_appended": False}
    report = verify(target(pipeline, "last_reply_batch"), str(tokenizer_dirs["llama3"]), args=args)
    assert report.ok and report.checks_warned() == ["doubled-end-of-turn"], messages(report)
    assert "masked, so not learned" in report.warnings[0].message


# --- end-of-turn-not-generation-eos ----------------------------------------------------------------------------


def _with_generation_config(source: Path, folder: Path, eos: object) -> Path:
    shutil.copytree(source, folder)
    (folder / "generation_config.json").write_text(json.dumps({"eos_token_id": eos}))
    return folder


@pytest.mark.parametrize(
    "family_name, turn_end, stops", [("chatml", "<|im_end|>", "<|endoftext|>"), ("gemma", "<end_of_turn>", "<eos>")]
)
def test_end_of_turn_that_generation_does_not_stop_on(pipeline, tokenizer_dirs, tmp_path, family_name, turn_end, stops):
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(tokenizer_dirs[family_name]))
    stop_id, turn_id = tokenizer.convert_tokens_to_ids(stops), tokenizer.convert_tokens_to_ids(turn_end)
    base_model = _with_generation_config(tokenizer_dirs[family_name], tmp_path / "base", stop_id)
    report = verify(target(pipeline, "last_reply_batch"), str(base_model))
    assert failed(report) == ["end-of-turn-not-generation-eos"], messages(report)
    problem = report.problems[0]
    assert problem.tokens == [turn_end] and f"id {turn_id}" in problem.message and stops in problem.message

    instruct = _with_generation_config(tokenizer_dirs[family_name], tmp_path / "instruct", [stop_id, turn_id])
    assert verify(target(pipeline, "last_reply_batch"), str(instruct)).ok


def test_without_generation_config_the_check_is_quiet_and_says_so(pipeline, tokenizer_dirs):
    report = verify(target(pipeline, "last_reply_batch"), str(tokenizer_dirs["chatml"]))
    assert report.ok
    assert "generation_config.json" in report.not_checked["end-of-turn-not-generation-eos"]
    assert any(note.startswith("end-of-turn-not-generation-eos not checked") for note in report.notes)


# --- labels-shifted-twice --------------------------------------------------------------------------------------


def test_labels_shifted_for_a_model_loss_are_shifted_twice(pipeline, tokenizer_dirs, family):
    report = verify(target(pipeline, "shifted_example"), str(tokenizer_dirs[family]))
    assert failed(report) == ["labels-shifted-twice"], messages(report)
    assert "two tokens ahead" in report.problems[0].message
    assert all(example.labels_shifted for example in report.examples)


def test_unshifted_labels_pass(pipeline, tokenizer_dirs, family):
    report = verify(target(pipeline, "shifted_example"), str(tokenizer_dirs[family]), args={"shift": False})
    assert report.ok, messages(report)


def test_shifted_labels_for_the_pipelines_own_loss_pass(pipeline, tokenizer_dirs):
    report = verify(target(pipeline, "shifted_example"), str(tokenizer_dirs["llama3"]), loss_shift="pipeline")
    assert report.ok, messages(report)
    assert "labels-shifted-twice" in report.not_checked


def test_shift_labels_are_taken_as_they_are_by_the_models_loss(pipeline, tokenizer_dirs):
    report = verify(target(pipeline, "shift_labels_example"), str(tokenizer_dirs["gemma"]))
    assert report.ok, messages(report)
    assert all(example.labels_shifted for example in report.examples)
    assert "shift_labels" in report.not_checked["labels-shifted-twice"]


def test_labels_one_shorter_are_a_pipelines_own_loss(tokenizers):
    # (offset, length) pairs and labels one shorter than input_ids, the mlx-lm way: no model loss takes them
    from pipelines import length_masked_batch

    report = verify(length_masked_batch, tokenizers["chatml"], args={"off_by_one": False})
    assert report.ok and all(example.labels_shifted for example in report.examples)


def test_loss_shift_on_the_command_line_and_in_pyproject(pipeline, tokenizer_dirs, tmp_path, monkeypatch):
    from chatlint.cli import cli

    arguments = ["labels", target(pipeline, "shifted_example"), "--tokenizer", str(tokenizer_dirs["chatml"])]
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, [*arguments, "--output-format", "json"])
    assert result.exit_code == 1 and "labels-shifted-twice" in result.stdout
    result = CliRunner().invoke(cli, [*arguments, "--loss-shift", "pipeline", "--output-format", "json"])
    assert result.exit_code == 0, result.stdout
    assert "labels-shifted-twice" in json.loads(result.stdout)["not_checked"]
    (tmp_path / "pyproject.toml").write_text('[tool.chatlint.labels]\nloss-shift = "pipeline"\n')
    assert CliRunner().invoke(cli, arguments).exit_code == 0
    (tmp_path / "pyproject.toml").write_text('[tool.chatlint.labels]\nloss-shift = "trainer"\n')
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 2 and "loss-shift must be one of model, pipeline" in result.stderr


# --- the built-in tool-call conversation -----------------------------------------------------------------------


def test_tool_call_conversation_is_used_where_the_template_renders_tools(pipeline, tools_dirs):
    report = verify(
        target(pipeline, "CompletionOnlyCollator"),
        str(tools_dirs["tools"]),
        args={"response_template": "<|im_start|>assistant\n", "instruction_template": "<|im_start|>"},
    )
    assert report.ok, messages(report)
    tool_call = next(example for example in report.examples if example.name == "tool-call")
    trained = "".join(token for token, flag in zip(tool_call.tokens, tool_call.trained) if flag)
    assert trained.startswith('<tool_call>\n{"name": "get_weather"') and trained.endswith("Paris.<|im_end|>\n")


def test_tool_call_conversation_is_left_out_where_the_template_drops_tools(pipeline, tokenizer_dirs):
    report = verify(target(pipeline, "last_reply_batch"), str(tokenizer_dirs["chatml"]))
    assert "tool-call" not in [example.name for example in report.examples]
    assert "tool-call: left out, the chat template does not render tool calls" in report.notes


def test_problems_on_the_tool_call_conversation_are_warnings(pipeline, tools_dirs):
    report = verify(target(pipeline, "last_reply_batch"), str(tools_dirs["tools"]), args={"append_eos": True})
    tool_call = next(i for i, example in enumerate(report.examples) if example.name == "tool-call")
    on_tool_call = [p for p in report.problems if p.example == tool_call]
    assert on_tool_call and all(p.severity.value == "warning" for p in on_tool_call)
    assert {p.example for p in report.failures} == set(range(len(report.examples))) - {tool_call}


def test_a_collator_that_refuses_tool_calls_runs_without_them(pipeline, tools_dirs):
    report = verify(target(pipeline, "NoToolsCollator"), str(tools_dirs["tools"]))
    assert report.ok, messages(report)
    assert "tool-call" not in [example.name for example in report.examples]
    assert any(note.startswith("tool-call: left out, the target raised on it") for note in report.notes)


# --- --verify-labels: the new static rules are confirmed by their runtime checks -------------------------------


def test_confirming_checks_maps_the_new_rules():
    from chatlint.labels.model import CHECKS
    from chatlint.verification import CONFIRMING_CHECKS, confirming_checks

    assert confirming_checks("CL007") == ("marker-not-found",)
    assert confirming_checks("CL008") == ("doubled-end-of-turn",)
    assert confirming_checks("CL010") == ("labels-shifted-twice",)
    assert confirming_checks("CL011") == ("empty-assistant-mask",)
    assert confirming_checks("CL009") == () and confirming_checks("CL999") == ()
    assert all(check in CHECKS for checks in CONFIRMING_CHECKS.values() for check in checks)


@pytest.mark.parametrize(
    "code, name, args, status",
    [
        ("CL010", "shifted_example", {}, "confirmed"),
        ("CL010", "shifted_example", {"shift": False}, "not-reproduced"),
        ("CL008", "last_reply_batch", {"append_eos": True}, "confirmed"),
        ("CL008", "last_reply_batch", {}, "not-reproduced"),
    ],
)
def test_a_finding_of_a_new_rule_is_verified_by_code(pipeline, tokenizer_dirs, code, name, args, status):
    from chatlint.findings import Finding
    from chatlint.verification import verify_findings

    line = next(n for n, text in enumerate(PIPELINE.splitlines(), 1) if text.startswith(f"def {name}("))
    finding = Finding(code, "static finding", str(pipeline), line + 1, 1, line + 1, 2)
    [verdict] = verify_findings([finding], str(tokenizer_dirs["chatml"]), args=args).values()
    assert verdict.status == status, verdict.detail
    if status == "confirmed":
        assert confirming_checks_of(code) in verdict.detail


def confirming_checks_of(code: str) -> str:
    from chatlint.verification import confirming_checks

    return confirming_checks(code)[0]
