"""Dataset classes as targets (``torch.utils.data.Dataset`` subclasses and look-alikes).

The class is built from the sample records (a list, or a ``datasets.Dataset`` made from them when the class
needs one and the library is installed), the tokenizer and the ``--arg`` values; its items are read in order
and, when it has a ``collate_fn``, collated into one batch the way a DataLoader would.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

from chatlint.labels.model import LabelsError

TOKENIZER_NAMES = ("tokenizer", "processing_class", "processor", "tok")


def is_dataset_class(obj: Any) -> bool:
    """A class whose instances are indexed and sized and not called: a dataset, not a collator."""
    if not inspect.isclass(obj) or not hasattr(obj, "__getitem__") or not hasattr(obj, "__len__"):
        return False
    return not any("__call__" in vars(base) for base in obj.__mro__ if base is not object)


@dataclass
class DatasetRun:
    output: Any  # the collated batch, or the list of items
    per_example: bool  # no collate_fn: one output per item
    note: str


def run_dataset(cls: type, tokenizer: Any, args: dict[str, Any], records: list[Any], spec: str) -> DatasetRun:
    instance, how = _build(cls, tokenizer, args, records, spec)
    count = len(instance)
    if count != len(records):
        raise LabelsError(
            f"target {spec!r}: {cls.__name__} holds {count} items for {len(records)} samples (it drops or adds "
            "some, e.g. the too long ones); chatlint needs one item per sample: raise its length limit with --arg"
        )
    items = [instance[index] for index in range(count)]
    process = getattr(instance, "process", None)
    if callable(process) and all(hasattr(item, "keys") and "input_ids" not in item for item in items):
        items = [process(item) for item in items]  # items are the raw records, a `process` method tokenizes them
        how += ", items passed through its process method"
    collate = getattr(instance, "collate_fn", None)
    if callable(collate):
        return DatasetRun(collate(items), False, f"{how}, items collated with its collate_fn")
    return DatasetRun(items, True, f"{how}, items read one by one (it has no collate_fn)")


def _build(cls: type, tokenizer: Any, args: dict[str, Any], records: list[Any], spec: str) -> tuple[Any, str]:
    try:
        signature: inspect.Signature | None = inspect.signature(cls)
    except (TypeError, ValueError):
        signature = None
    names = list(signature.parameters) if signature is not None else []
    tokenizer_name = next((name for name in TOKENIZER_NAMES if name in names), None)
    data_name = next((n for n in names if n not in TOKENIZER_NAMES and n not in args), None)
    data: Any = list(records)
    for attempt in range(2):
        keywords = dict(args)
        if tokenizer_name is not None:
            keywords[tokenizer_name] = tokenizer
        try:
            if data_name is not None:
                instance = cls(**{data_name: data}, **keywords)
            else:
                instance = cls(data, tokenizer, **args)
        except AttributeError as error:
            # it calls a datasets.Dataset method (map, column_names, ...) on the list: give it one
            if attempt == 0 and isinstance(data, list) and _datasets_dataset(data) is not None:
                data = _datasets_dataset(data)
                continue
            raise _failure(cls, spec, error, hint=_datasets_hint(data)) from error
        except Exception as error:
            raise _failure(cls, spec, error) from error
        kind = "a datasets.Dataset" if not isinstance(data, list) else "a list"
        return instance, f"{cls.__name__} built from the samples as {kind}"
    raise AssertionError("unreachable")


def _datasets_dataset(records: list[Any]) -> Any:
    try:
        import datasets
    except ImportError:
        return None
    return datasets.Dataset.from_list(records)


def _datasets_hint(data: Any) -> str:
    if isinstance(data, list):
        return " It may want a datasets.Dataset rather than a list: pip install datasets."
    return ""


def _failure(cls: type, spec: str, error: Exception, hint: str = "") -> LabelsError:
    return LabelsError(
        f"target {spec!r}: building the dataset {cls.__name__} from the samples raised {type(error).__name__}: "
        f"{error}.{hint} Pass its other arguments with --arg KEY=VALUE (nested: --arg strategy.args.max_len=512)",
        raised=error,
    )
