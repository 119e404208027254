"""--sample on the user's own data: mapped field names, prompt/completion records, parquet, saved datasets."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from click.testing import CliRunner

from chatlint.labels import LabelsError, verify
from chatlint.labels.command import labels
from chatlint.labels.samples import load_samples, parse_field

COLLATORS = Path(__file__).resolve().parent / "collators.py"
PIPELINES = Path(__file__).resolve().parent / "pipelines.py"
CHAT = [{"role": "user", "content": "Name a prime number."}, {"role": "assistant", "content": "Seven."}]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    return path


def test_mapped_fields(tmp_path):
    turns = [{"speaker": "human", "text": "a"}, {"speaker": "gpt", "text": "b"}]
    sample = write_jsonl(tmp_path / "s.jsonl", [{"dialog": turns}])
    fields = dict(map(parse_field, ["messages=dialog", "role=speaker", "content=text"]))
    [loaded] = load_samples(sample, fields)
    assert loaded.messages == [{"role": "user", "content": "a"}, {"role": "assistant", "content": "b"}]
    assert loaded.record == {"dialog": turns}  # the collator gets the record as it is
    with pytest.raises(LabelsError, match="expected NAME=FIELD"):
        parse_field("turns=dialog")
    with pytest.raises(LabelsError, match="no 'chat' list"):
        load_samples(sample, {"messages": "chat"})


def test_conversational_prompt_completion_records(tmp_path, tokenizers):
    record = {"prompt": CHAT[:1], "completion": CHAT[1:]}
    sample = write_jsonl(tmp_path / "pc.jsonl", [record, record])
    [first, _] = load_samples(sample)
    assert [m["role"] for m in first.messages] == ["user", "assistant"]
    # a collator that wants token ids checks the user's prompt/completion rows
    from pipelines import PadIdCollator

    report = verify(PadIdCollator, tokenizers["chatml"], sample=sample, mode="full")
    assert report.ok and [e.name for e in report.examples] == ["pc.jsonl:1", "pc.jsonl:2"]
    # plain-text prompt/completion is read as text (its reference is the text, not the chat template)
    [text] = load_samples(write_jsonl(tmp_path / "text.jsonl", [{"prompt": "a", "completion": "b"}]))
    assert text.text_pair == ("a", "b") and first.text_pair is None
    with pytest.raises(LabelsError, match="expected two lists of messages"):
        load_samples(write_jsonl(tmp_path / "mixed.jsonl", [{"prompt": "a", "completion": CHAT[1:]}]))


def test_max_examples_stops_reading(tmp_path):
    sample = write_jsonl(tmp_path / "many.jsonl", [{"messages": CHAT}] * 5)
    assert len(load_samples(sample, limit=2)) == 2


def test_cli_sample_field(tmp_path, tokenizer_dirs):
    sample = write_jsonl(tmp_path / "s.jsonl", [{"chat": CHAT, "messages": CHAT}])
    result = CliRunner().invoke(
        labels,
        [f"{COLLATORS}:ChatCollator", "--tokenizer", str(tokenizer_dirs["chatml"]), "--sample", str(sample)]
        + ["--sample-field", "messages=chat", "--output-format", "json"],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["examples"][0]["name"] == "s.jsonl:1"


class FakeBatch:
    def __init__(self, rows):
        self.rows = rows

    def to_pylist(self):
        return self.rows


def test_parquet_first_rows_through_pyarrow(tmp_path, monkeypatch):
    """The reading path, with a stand-in pyarrow (not installed here): first batch of `limit` rows."""
    seen = {}

    class ParquetFile:
        def __init__(self, path):
            seen["path"] = path

        def iter_batches(self, batch_size):
            seen["batch_size"] = batch_size
            yield FakeBatch([{"messages": CHAT}] * batch_size)

    fake = types.ModuleType("pyarrow.parquet")
    fake.ParquetFile = ParquetFile
    monkeypatch.setitem(sys.modules, "pyarrow", types.ModuleType("pyarrow"))
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", fake)
    path = tmp_path / "train.parquet"
    path.write_bytes(b"PAR1")
    samples = load_samples(path, limit=3)
    assert len(samples) == 3 and seen == {"path": str(path), "batch_size": 3}
    assert samples[0].name == "train.parquet:0"


def test_saved_dataset_folder_through_datasets(tmp_path, monkeypatch):
    """The reading path, with a stand-in datasets (not installed here): a DatasetDict's train split."""
    rows = [{"messages": CHAT}] * 20
    fake = types.ModuleType("datasets")
    fake.load_from_disk = lambda path: {"test": [], "train": rows}
    monkeypatch.setitem(sys.modules, "datasets", fake)
    assert len(load_samples(tmp_path)) == 8  # first 8 rows by default
    assert len(load_samples(tmp_path, limit=2)) == 2


def test_missing_libraries_say_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    monkeypatch.setitem(sys.modules, "datasets", None)
    (tmp_path / "t.parquet").write_bytes(b"PAR1")
    with pytest.raises(LabelsError, match="pip install pyarrow"):
        load_samples(tmp_path / "t.parquet")
    with pytest.raises(LabelsError, match="pip install datasets"):
        load_samples(tmp_path)


def test_real_parquet(tmp_path):
    parquet = pytest.importorskip("pyarrow.parquet")
    import pyarrow

    path = tmp_path / "real.parquet"
    parquet.write_table(pyarrow.Table.from_pylist([{"messages": CHAT}] * 10), str(path))
    assert len(load_samples(path, limit=4)) == 4


def test_real_saved_dataset(tmp_path):
    datasets = pytest.importorskip("datasets")
    datasets.Dataset.from_list([{"messages": CHAT}] * 10).save_to_disk(str(tmp_path / "ds"))
    assert len(load_samples(tmp_path / "ds")) == 8
