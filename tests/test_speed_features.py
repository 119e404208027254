"""Pruning, the result cache and the process pool change how fast chatlint is, never what it reports."""

from __future__ import annotations

import concurrent.futures
import dataclasses
import json
import re
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from helpers import run_cli
from rule_examples import ROOT as EXAMPLES_ROOT

import chatlint
from chatlint import cache as cache_module
from chatlint import parallel
from chatlint import runner as runner_module
from chatlint.cache import ResultCache
from chatlint.config import Config
from chatlint.engine import FileResult, check_text
from chatlint.facts import summary as summary_module
from chatlint.facts.summary import ModuleSummary
from chatlint.findings import Applicability, Edit, FileError, Finding, Fix
from chatlint.prefilter import passes_prefilter, rules_to_run
from chatlint.rules import ALL_RULES, Rule
from chatlint.runner import Runner, RunOptions
from chatlint.source import decode_source

ALL = [rule() for rule in ALL_RULES]  # off-by-default rules too
BUGGY = textwrap.dedent(
    """
    def collate(tokenizer, example):
        ids = tokenizer.apply_chat_template(example["messages"], add_generation_prompt=True)
        return {"input_ids": ids, "labels": ids}
    """
)


def _example_files() -> list[Path]:
    return sorted(EXAMPLES_ROOT.glob("*/*.py"))


# -- the cache ------------------------------------------------------------------------------------------------------


def _project(tmp_path: Path) -> tuple[Config, list[str]]:
    files = []
    for number, example in enumerate(_example_files()[:8]):
        target = tmp_path / f"example_{number}.py"
        target.write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
        files.append(str(target))
    (tmp_path / "plain.py").write_text("x = 1\n", encoding="utf-8")
    files.append(str(tmp_path / "plain.py"))
    return Config(root=tmp_path), files


def _signature(run) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    return [(result.path, result.findings, result.errors, result.fixed_text) for result in run.files]


class _Counting:
    """Counts the files the engine really checks."""

    def __init__(self, monkeypatch) -> None:  # type: ignore[no-untyped-def]
        self.checked: list[str] = []
        original = Runner.check_source

        def counted(runner, source, data=None):  # type: ignore[no-untyped-def]
            self.checked.append(source.path)
            return original(runner, source, data)

        monkeypatch.setattr(Runner, "check_source", counted)


def test_a_second_run_reads_every_result_from_the_cache(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CHATLINT_CACHE_DIR", str(tmp_path / "cache"))
    config, files = _project(tmp_path)
    counting = _Counting(monkeypatch)
    first = Runner(config, RunOptions(use_cache=True)).run(files)
    assert counting.checked, "the first run must check the files that pass the prefilter"
    assert any(result.findings for result in first.files)
    counting.checked.clear()
    second = Runner(config, RunOptions(use_cache=True)).run(files)
    assert counting.checked == []
    assert _signature(second) == _signature(first)
    assert second.checked == first.checked
    assert (tmp_path / "cache" / ".gitignore").read_text().splitlines()[-1] == "*"


def test_the_cache_misses_on_changed_content_configuration_or_chatlint(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CHATLINT_CACHE_DIR", str(tmp_path / "cache"))
    config, files = _project(tmp_path)
    Runner(config, RunOptions(use_cache=True)).run(files)
    counting = _Counting(monkeypatch)
    flagged = files[0]

    # content: the edited file is checked again, and its new result is the one reported
    Path(flagged).write_text(BUGGY, encoding="utf-8")
    run = Runner(config, RunOptions(use_cache=True)).run(files)
    assert counting.checked == [flagged]
    default_rules = Runner(config, RunOptions()).rules_for(flagged)
    assert run.files[0].findings and run.files[0].findings == check_text(flagged, BUGGY, default_rules).findings

    # configuration: another selection, per-file ignores or fix mode is another cache
    for options, changed_config in (
        (RunOptions(use_cache=True, select=("CL001",)), config),
        (RunOptions(use_cache=True, diff=True), config),
        (RunOptions(use_cache=True), replace(config, per_file_ignores={"example_1.py": ("CL001",)})),
        (RunOptions(use_cache=True), replace(config, training_paths=("*.py",))),
    ):
        counting.checked.clear()
        Runner(changed_config, options).run(files)
        assert counting.checked, f"a changed configuration must miss: {options} {changed_config}"

    # chatlint itself: another version (or an edited rule) is another cache
    counting.checked.clear()
    monkeypatch.setattr(chatlint, "__version__", "999.0")
    Runner(config, RunOptions(use_cache=True)).run(files)
    assert counting.checked


def test_a_damaged_or_foreign_cache_is_a_miss_never_an_error(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CHATLINT_CACHE_DIR", str(tmp_path / "cache"))
    config, files = _project(tmp_path)
    expected = _signature(Runner(config, RunOptions()).run(files))
    Runner(config, RunOptions(use_cache=True)).run(files)
    [cache_file] = (tmp_path / "cache").glob("*.json")
    entries = json.loads(cache_file.read_text())
    for entry in entries.values():
        entry["result"] = {"__type__": "Popen", "args": ["touch", str(tmp_path / "owned")]}
    cache_file.write_text(json.dumps(entries))
    assert _signature(Runner(config, RunOptions(use_cache=True)).run(files)) == expected
    assert not (tmp_path / "owned").exists()
    cache_file.write_text("{not json")
    assert _signature(Runner(config, RunOptions(use_cache=True)).run(files)) == expected


def test_cached_results_come_back_equal(tmp_path: Path) -> None:
    finding = Finding(
        "CL001", "message", "a.py", 3, 5, 3, 9, Fix(Applicability.UNSAFE, (Edit("False", 3, 5, 3, 9),), "set it")
    )
    result = FileResult("a.py", findings=[finding], errors=[FileError("a.py", "why")])
    cache = ResultCache(tmp_path, ("settings",))
    cache.put("a.py", "digest", result)
    cache.save()
    again = ResultCache(tmp_path, ("settings",))
    assert again.get("a.py", "digest") == result
    assert again.get("a.py", "other digest") is None
    assert ResultCache(tmp_path, ("other settings",)).get("a.py", "digest") is None


def test_a_summary_with_every_kind_of_entry_comes_back_equal(tmp_path: Path) -> None:
    # every dataclass a summary is made of must be one the cache may build, or the file is checked again each run
    summary = ModuleSummary(
        "m.py",
        pad_loaders=(summary_module.PadLoader("get_tokenizer", 7, "`tokenizer.pad_token = tokenizer.eos_token`"),),
        conversations=(summary_module.ConversationSummary("build_messages", 3, "full", "`msgs` ending with ..."),),
    )
    kinds = {cls for cls in vars(summary_module).values() if dataclasses.is_dataclass(cls) and isinstance(cls, type)}
    assert kinds <= set(cache_module._TYPES.values())
    result = FileResult("m.py", findings=[], summary=summary)
    cache = ResultCache(tmp_path, ("settings",))
    cache.put("m.py", "digest", result)
    cache.save()
    assert ResultCache(tmp_path, ("settings",)).get("m.py", "digest") == result


def test_no_cache_option_writes_no_cache(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CHATLINT_NO_CACHE", raising=False)  # the test session turns the cache off (conftest)
    folder = tmp_path / "cache"
    monkeypatch.setenv("CHATLINT_CACHE_DIR", str(folder))
    source = tmp_path / "m.py"
    source.write_text("def f(tokenizer, c):\n    return tokenizer.apply_chat_template(c, add_generation_prompt=True)\n")
    run_cli("check", "--no-cache", str(source))
    assert not folder.exists()
    run_cli("check", str(source))
    assert list(folder.glob("*.json"))
    monkeypatch.setenv("CHATLINT_NO_CACHE", "1")
    for stale in folder.glob("*.json"):
        stale.unlink()
    run_cli("check", str(source))
    assert not list(folder.glob("*.json"))


def test_the_cache_folder_defaults_to_the_configured_project(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("CHATLINT_CACHE_DIR", raising=False)
    assert cache_module.cache_folder(tmp_path) == tmp_path / ".chatlint_cache"


# -- the process pool -----------------------------------------------------------------------------------------------


def test_pool_and_serial_give_identical_results(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    runner = Runner(Config(root=tmp_path), RunOptions(fix=True, unsafe_fixes=True))
    sources = [decode_source(str(path), path.read_bytes()) for path in _example_files()]
    assert len(sources) >= 2
    monkeypatch.setattr(parallel, "PARALLEL_THRESHOLD", 1)
    monkeypatch.setenv("CHATLINT_WORKERS", "2")
    pooled = parallel.check_sources(runner.check_source, sources)
    monkeypatch.setenv("CHATLINT_WORKERS", "1")
    serial = parallel.check_sources(runner.check_source, sources)
    assert [result.path for result in pooled] == [source.path for source in sources]
    assert pooled == serial
    assert any(result.findings for result in serial)


def test_few_files_never_start_a_pool(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def no_pool(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a pool was started for a few files")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    monkeypatch.setenv("CHATLINT_WORKERS", "2")
    runner = Runner(Config(root=tmp_path), RunOptions())
    sources = [decode_source(str(path), path.read_bytes()) for path in _example_files()[:3]]
    assert len(parallel.check_sources(runner.check_source, sources)) == len(sources)


def test_linked_checks_on_the_pool_find_what_serial_ones_find(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The project step checks the files that import a renderer again, with what it tells them: on the process
    pool when there are many, with the same findings as one process."""
    (tmp_path / "render.py").write_text(
        "def render_chat(tok, messages):\n    return tok.apply_chat_template(messages, tokenize=False)\n"
    )
    for number in range(parallel.PARALLEL_THRESHOLD + 2):
        (tmp_path / f"train_{number}.py").write_text(
            "from render import render_chat\n\n\ndef tokenize(tok, example):\n"
            "    return tok(render_chat(tok, example['messages']), truncation=True)\n"
        )
    linked: list[int] = []
    check_sources = parallel.check_sources

    def counting(check, sources):  # type: ignore[no-untyped-def]
        linked.append(len(sources))
        return check_sources(check, sources)

    monkeypatch.setattr(runner_module, "check_sources", counting)
    paths = sorted(str(path) for path in tmp_path.glob("*.py"))
    runs = {}
    for workers in ("2", "1"):
        monkeypatch.setenv("CHATLINT_WORKERS", workers)
        run = Runner(Config(root=tmp_path), RunOptions(use_cache=False)).run(paths)
        runs[workers] = [(result.path, [(f.line, f.code) for f in result.findings]) for result in run.files]
    assert linked == [parallel.PARALLEL_THRESHOLD + 2] * 2
    assert runs["2"] == runs["1"]
    assert sum(len(found) for _, found in runs["1"]) == parallel.PARALLEL_THRESHOLD + 2


# -- the prefilter --------------------------------------------------------------------------------------------------


class _PatternRule(Rule):
    code = "CL999"
    prefilter = ((re.compile(rb"pad_token[^\n]*eos_token"),), (b"-100",))


def test_a_prefilter_pattern_must_match_on_a_code_line() -> None:
    rule = _PatternRule()
    assert passes_prefilter(b"tok.pad_token = tok.eos_token\nlabels[m] = -100\n", [rule])
    assert not passes_prefilter(b"tok.pad_token = 0\nx = tok.eos_token\nlabels[m] = -100\n", [rule])
    assert not passes_prefilter(b"# tok.pad_token = tok.eos_token\nlabels[m] = -100\n", [rule])
    assert not passes_prefilter(b"    >>> tok.pad_token = tok.eos_token\nlabels[m] = -100\n", [rule])


def test_bytes_tokens_count_only_on_code_lines() -> None:
    rule = _PatternRule()
    plain = type("PlainRule", (Rule,), {"code": "CL998", "prefilter": ((b"apply_chat_template",),)})()
    assert passes_prefilter(b"# apply_chat_template\nx = tok.apply_chat_template(c)\n", [plain])
    assert not passes_prefilter(
        b"# apply_chat_template\n  >>> tok.apply_chat_template(c)\n... apply_chat_template\n", [plain]
    )
    assert not passes_prefilter(b"x = 1\n", [plain, rule])


def test_rules_to_run_is_each_rules_own_prefilter_and_the_file_noqa() -> None:
    """The rules a file is checked with: those whose every group matches, each byte string looked for once; none
    for a file silenced whole."""
    shared = type("SharedRule", (Rule,), {"code": "CL997", "prefilter": ((b"apply_chat_template",), (b"len(",))})()
    plain = type("PlainRule", (Rule,), {"code": "CL998", "prefilter": ((b"apply_chat_template",),)})()
    rules = [_PatternRule(), shared, plain]
    data = b"ids = tok.apply_chat_template(c)\n"
    assert rules_to_run(data, rules) == [plain]
    assert rules_to_run(data + b"n = len(ids)\n", rules) == [shared, plain]
    assert rules_to_run(b"tok.pad_token = tok.eos_token\nlabels[m] = -100\n" + data, rules) == [rules[0], plain]
    assert rules_to_run(b"# chatlint: noqa\n" + data, rules) == []
    for example in _example_files():
        raw = example.read_bytes()
        assert rules_to_run(raw, ALL) == [rule for rule in ALL if passes_prefilter(raw, [rule])], example


def test_the_pool_starts_while_files_are_read(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """check_ahead hands files to the pool as they pass the prefilter: each path gets its own file's result."""
    config, files = _project(tmp_path)
    runner = Runner(config, RunOptions())
    monkeypatch.setattr(parallel, "PARALLEL_THRESHOLD", 4)
    monkeypatch.setenv("CHATLINT_WORKERS", "2")
    pooled = parallel.check_ahead(files, runner.check_source, runner.rules_for)
    monkeypatch.setenv("CHATLINT_WORKERS", "1")
    serial = parallel.check_ahead(files, runner.check_source, runner.rules_for)
    assert sorted(pooled) == sorted(serial) == sorted(files)
    assert all(result.path == path for path, (_, result) in pooled.items())
    assert {path: result for path, (_, result) in pooled.items()} == {
        path: result for path, (_, result) in serial.items()
    }
    assert sum(bool(result.findings) for _, result in serial.values()) >= 2


def test_the_pool_starts_early_only_when_the_rate_says_the_threshold_will_be_reached(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Four files passed in the first tenth of a large tree: the pool starts; four in the first half, or a short list
    of paths whatever passes, do not start it before the threshold."""
    started: list[int] = []

    class _Inline:
        def submit(self, function, source):  # type: ignore[no-untyped-def]
            future: concurrent.futures.Future[FileResult] = concurrent.futures.Future()
            future.set_result(FileResult(path=source.path))
            return future

        def shutdown(self, **kwargs) -> None:  # type: ignore[no-untyped-def]
            pass

    def start(check, workers):  # type: ignore[no-untyped-def]
        started.append(workers)
        return _Inline()

    monkeypatch.setattr(parallel, "_start_pool", start)
    sources = [decode_source(f"f{number}.py", b"x = 1\n") for number in range(15)]

    def feed_started(done: list[float]) -> int | None:
        started.clear()
        with parallel._Feed(lambda source: FileResult(path=source.path), workers=2) as feed:
            for source, share in zip(sources, done):
                feed.add(source, share)
                if started:
                    return len(feed.sources)
            assert [result.path for result in feed.results()] == [source.path for source in sources[: len(done)]]
        return None

    assert feed_started([0.01, 0.02, 0.05, 0.1, 0.2]) == 4
    assert feed_started([0.1, 0.2, 0.4, 0.5, 0.6, 0.7]) is None
    assert feed_started([(index + 1) / 15 for index in range(15)]) is None  # 15 paths: never


@pytest.mark.parametrize(
    ("mask_line", "passes"),
    [
        ("labels[labels == tok.pad_token_id] = -100", True),
        ("labels[labels == tok.pad_token_id] = IGNORE_INDEX", True),
        ("labels = labels.masked_fill(labels == pad_id, self.ignore_index)", True),
        ("loss_fn = CrossEntropyLoss(ignore_index=tok.pad_token_id)", True),
        ("labels[labels == pad] = self.label_ignore_id", True),
        ("collator = DataCollatorForLanguageModeling(tok, mlm=False)", True),
        ("x = model(**batch)  # type: ignore", False),
        ("x = model(**batch)  # type: ignore[arg-type]", False),
    ],
)
def test_cl004_reads_a_module_only_when_it_may_mask_with_an_ignore_value(mask_line: str, passes: bool) -> None:
    """CL004's prefilter: a pad = EOS line and an ignore value (`-100`, a name with "ignore" used as a value, a
    collator that masks by value); the word in `# type: ignore` does not count."""
    from chatlint.rules.cl004_pad_eos_masked_by_value import PadEosMaskedByValue

    data = f"tok.pad_token = tok.eos_token\n{mask_line}\n".encode()
    assert passes_prefilter(data, [PadEosMaskedByValue()]) is passes


@pytest.mark.parametrize(
    ("pad_line", "passes"),
    [
        ("tok.pad_token = tok.eos_token", True),
        ("tokenizer.pad_token_id = tokenizer.eos_token_id", True),
        ("pad_id = tokenizer.eos_id", True),
        ('tok.add_special_tokens({"pad_token": tok.eos_token})', True),
        ("tok = AutoTokenizer.from_pretrained(name, pad_token=eos_token)", True),
        ("model_config.pad_token_id = tok.eos_token_id", True),  # not a config the facts leave out
        ('tok.pad_token = "<|eot_id|>"', True),  # Llama 3's end of turn, its Instruct tokenizer's EOS
        ('tok.pad_token = "<|endoftext|>"', False),  # Qwen's own pad token
        # a model's or generation config's pad id, comparisons, names that only contain the words: not set to EOS
        ("model.config.pad_token_id = tok.eos_token_id", False),
        ("generation_config.pad_token_id = eos_token_id", False),
        ("if pad_token_id == eos_token_id: pass", False),
        ("same = pad_token_id != eos_token_id", False),
        ("is_pad_token_not_equal_to_eos_token_id = eos_token_id is None", False),
        ("pad_token_tensor = eos_token_tensor[0]", False),
        ("super().__init__(pad_token_id=pad_token_id, eos_token_id=eos_token_id)", True),  # a keyword: kept
    ],
)
def test_cl004_reads_a_module_only_when_a_pad_name_is_set_to_eos(pad_line: str, passes: bool) -> None:
    """CL004's prefilter and the project step's summaries agree: a line that sets a pad name to a value naming
    the EOS token, not any line that names both (transformers' generation code compares them)."""
    from chatlint.facts.summary import may_set_pad_eos
    from chatlint.rules.cl004_pad_eos_masked_by_value import PadEosMaskedByValue

    data = f"{pad_line}\nlabels[labels == tok.pad_token_id] = -100\n".encode()
    assert passes_prefilter(data, [PadEosMaskedByValue()]) is passes
    assert may_set_pad_eos(data) is passes
