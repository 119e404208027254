"""Loading TARGET (``package.module:Name`` or ``path/to/file.py:Name``) and calling it on examples.

TARGET may be a collator class (built with the tokenizer), a collator instance, a batch function
(list of examples -> batch) or a per-example function (one example -> dict with input_ids and labels, the
``datasets.map`` style). Which one it is is found from what it is and from what it returns.
"""

from __future__ import annotations

import ast
import copy
import functools
import importlib
import importlib.util
import inspect
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chatlint.labels.dataset_class import is_dataset_class, run_dataset
from chatlint.labels.model import LabelsError

TOKENIZER_PARAMETERS = ("tokenizer", "processing_class", "processor", "tok")
# parameters a collator may take instead of the tokenizer; filled from it when they have no default
TOKENIZER_ATTRIBUTES = ("pad_token_id", "eos_token_id", "bos_token_id", "pad_token", "eos_token", "bos_token")
BATCH_PARAMETER_NAMES = {"examples", "batch", "features", "samples", "instances", "rows", "records", "items", "data"}


def parse_arg(text: str) -> tuple[str, Any]:
    """``KEY=VALUE`` with VALUE as a Python literal (``512``, ``True``, ``'x'``), else the raw string."""
    key, separator, raw = text.partition("=")
    key = key.strip()
    if not separator or not all(part.isidentifier() for part in key.split(".")):
        raise LabelsError(
            f"--arg {text!r}: expected KEY=VALUE with KEY a Python name or a dotted path of names, e.g. --arg "
            "max_length=512 or --arg strategy.args.max_len=512"
        )
    try:
        value = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        value = raw
    return key, value


def load_object(spec: str, *, base: Path | None = None) -> Any:
    """Import the object that ``module:Name`` or ``file.py:Name`` names, or a built-in target (``trl:sft``;
    a short name such as ``axolotl:chat_template`` stands for its library's real target)."""
    from chatlint.labels.builtins import BUILTINS, resolve_alias

    if spec in BUILTINS:
        return BUILTINS[spec]
    spec = resolve_alias(spec)
    module_part, separator, name = spec.rpartition(":")
    if not separator or not module_part or not name:
        raise LabelsError(
            f"target {spec!r}: expected package.module:Name or path/to/file.py:Name "
            "(a collator class or instance, a batch function or a per-example function)"
        )
    folders = [Path.cwd()] + ([base] if base is not None else [])
    for folder in folders:  # make the project importable like `python -m` would
        if str(folder) not in sys.path:
            sys.path.insert(0, str(folder))
    if module_part.endswith(".py") or "/" in module_part or "\\" in module_part:
        module = _load_file(module_part, folders)
    else:
        try:
            module = importlib.import_module(module_part)
        except ModuleNotFoundError as error:
            raise LabelsError(
                f"target {spec!r}: cannot import module {module_part!r} ({error}); run from the folder that holds "
                "it, install the package, or use path/to/file.py:Name"
            ) from error
        except Exception as error:
            raise LabelsError(
                f"target {spec!r}: importing {module_part!r} raised {type(error).__name__}: {error}", raised=error
            ) from error
    value: Any = module
    for part in name.split("."):
        if not hasattr(value, part):
            available = sorted(n for n in dir(module) if not n.startswith("_"))[:20]
            raise LabelsError(
                f"target {spec!r}: {module_part} has no attribute {name!r}"
                + (f" (it has: {', '.join(available)})" if available else "")
            )
        value = getattr(value, part)
    return value


def _load_file(path_text: str, folders: list[Path]) -> Any:
    candidates = [Path(path_text)] + [folder / path_text for folder in folders]
    path = next((candidate for candidate in candidates if candidate.is_file()), None)
    if path is None:
        raise LabelsError(f"target file {path_text!r} does not exist")
    path = path.resolve()
    module_name = f"_chatlint_target_{abs(hash(str(path)))}"
    if str(path.parent) not in sys.path:
        sys.path.insert(0, str(path.parent))  # let the file import its neighbours
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise LabelsError(f"target file {path} cannot be imported as Python")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as error:
        raise LabelsError(
            f"target file {path}: importing it raised {type(error).__name__}: {error}", raised=error
        ) from error
    return module


@dataclass
class Target:
    """A loaded target, ready to turn a list of examples into rows of a batch."""

    kind: str  # collator-class, collator-instance, batch-function, example-function, dataset-class, built-in, factory
    function: Callable[..., Any]
    keyword_arguments: dict[str, Any]

    @property
    def per_example(self) -> bool:
        """Called once per record (a ``datasets.map`` function, the callable a factory made)."""
        return self.kind in ("example-function", "factory")

    def run(self, records: list[dict[str, Any]]) -> Any:
        """The target's output: one batch (collators, batch functions) or a list of per-example dicts."""
        records = copy.deepcopy(records)  # a collator may pop keys; every call gets fresh examples
        if self.per_example:
            return [self.function(record, **self.keyword_arguments) for record in records]
        if self.kind == "dataset-class":
            return self.function(records=records)
        return self.function(records, **self.keyword_arguments)


def _accepts(function: Callable[..., Any]) -> inspect.Signature | None:
    try:
        return inspect.signature(function)
    except (TypeError, ValueError):
        return None


def _tokenizer_keyword(signature: inspect.Signature | None) -> str | None:
    if signature is None:
        return None
    for name in TOKENIZER_PARAMETERS:
        if name in signature.parameters:
            return name
    return None


def tokenizer_values(args: dict[str, Any], tokenizer: Any) -> dict[str, Any]:
    """``--arg pad_token_id=tokenizer.pad_token_id``: a value ``tokenizer.NAME`` is that attribute of the
    tokenizer."""
    resolved = {}
    for key, value in args.items():
        if isinstance(value, str) and value.startswith("tokenizer."):
            name = value.removeprefix("tokenizer.")
            if not name.isidentifier() or not hasattr(tokenizer, name):
                raise LabelsError(f"--arg {key}={value}: the tokenizer has no attribute {name!r}")
            value = getattr(tokenizer, name)
        resolved[key] = value
    return resolved


def nest(args: dict[str, Any]) -> dict[str, Any]:
    """``{"strategy.args.max_len": 512}`` -> ``{"strategy": namespace(args=namespace(max_len=512))}``: an
    argument that is an object whose attributes carry settings."""
    from types import SimpleNamespace

    tree: dict[str, Any] = {}
    for key, value in args.items():
        *path, last = key.split(".")
        node = tree
        for part in path:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                raise LabelsError(f"--arg {key}: {part} is given a value and nested values at once")
        if isinstance(node.get(last), dict):
            raise LabelsError(f"--arg {key}: {last} is given a value and nested values at once")
        node[last] = value

    def build(node: Any) -> Any:
        return SimpleNamespace(**{k: build(v) for k, v in node.items()}) if isinstance(node, dict) else node

    return {key: build(value) for key, value in tree.items()}


def build_target(obj: Any, tokenizer: Any, args: dict[str, Any], spec: str) -> Target:
    """Classify ``obj`` and bind the tokenizer and ``--arg`` values to it."""
    from chatlint.labels.builtins import is_builtin

    args = nest(tokenizer_values(args, tokenizer))
    if is_builtin(obj):
        function, settings = obj.bound(tokenizer, args)
        return Target("built-in", function, settings)
    if is_dataset_class(obj):
        return Target("dataset-class", functools.partial(run_dataset, obj, tokenizer, args, spec=spec), {})
    if inspect.isclass(obj):
        instance = _construct(obj, tokenizer, args, spec)
        if not callable(instance):
            raise LabelsError(
                f"target {spec!r}: an instance of {obj.__name__} is not callable, so it is not a collator"
            )
        return Target("collator-class", instance, {})
    if inspect.isfunction(obj) or inspect.ismethod(obj) or inspect.isbuiltin(obj) or _is_partial(obj):
        signature = _accepts(obj)
        keyword_arguments = {**_attribute_arguments(signature, tokenizer, args), **args}
        keyword = _tokenizer_keyword(signature)
        if keyword is not None:
            keyword_arguments[keyword] = tokenizer
        return Target(_function_kind(signature), obj, keyword_arguments)
    if callable(obj):
        if args:
            raise LabelsError(
                f"target {spec!r} is an instance already; --arg values only apply to classes and functions"
            )
        return Target("collator-instance", obj, {})
    raise LabelsError(
        f"target {spec!r} is a {type(obj).__name__}, expected a collator class or instance, a batch function "
        "(list of examples -> batch) or a per-example function (example -> dict with input_ids and labels)"
    )


def _is_partial(obj: Any) -> bool:
    return isinstance(obj, functools.partial)


def _function_kind(signature: inspect.Signature | None) -> str:
    """A first guess from the first parameter's name; ``probe`` corrects it from the output's shape."""
    if signature is not None:
        for parameter in signature.parameters.values():
            if parameter.name in TOKENIZER_PARAMETERS:
                continue
            name = parameter.name.lower()
            if name in BATCH_PARAMETER_NAMES or name.endswith("s") and name not in {"messages", "conversations"}:
                return "batch-function"
            return "example-function"
    return "batch-function"


def _construct(cls: type, tokenizer: Any, args: dict[str, Any], spec: str) -> Any:
    signature = _accepts(cls)
    keyword = _tokenizer_keyword(signature)
    filled = _attribute_arguments(signature, tokenizer, args)
    given = signature is not None and any(n in args for n in TOKENIZER_ATTRIBUTES if n in signature.parameters)
    if keyword is None and (filled or given):  # the class takes the tokenizer's values, not the tokenizer
        return _build(cls, (), {**filled, **args}, spec)
    attempts: list[tuple[tuple[Any, ...], dict[str, Any]]] = []
    if keyword is not None:
        attempts.append(((), {keyword: tokenizer, **filled, **args}))
    else:
        attempts += [((), {"tokenizer": tokenizer, **args}), ((), {"processing_class": tokenizer, **args})]
    attempts.append(((tokenizer,), dict(args)))
    failures: list[tuple[int, str, TypeError]] = []  # how well the tokenizer's slot fits, how it was passed, error
    for positional, keywords in attempts:
        try:
            return cls(*positional, **keywords)
        except TypeError as error:
            how = "first argument" if positional else f"{next(iter(keywords))}="
            failures.append((_slot_fit(cls, signature, positional, keywords), how, error))
        except Exception as error:
            raise LabelsError(
                f"target {spec!r}: building {cls.__name__} raised {type(error).__name__}: {error}", raised=error
            ) from error
    # the most relevant failure is the attempt that put the tokenizer where the class takes one (the first such)
    _fit, how, relevant = max(failures, key=lambda failure: failure[0])
    raise LabelsError(
        f"target {spec!r}: cannot build {cls.__name__}: with the tokenizer as {how} it raised TypeError: {relevant} "
        f"(also tried: {', '.join(h for _, h, _ in failures if h != how)}); pass its other arguments with "
        "--arg KEY=VALUE",
        raised=relevant,
    ) from relevant


def _attribute_arguments(signature: inspect.Signature | None, tokenizer: Any, args: dict[str, Any]) -> dict[str, Any]:
    """Required parameters named like a tokenizer attribute (``pad_token_id``), not given by --arg: their values."""
    if signature is None:
        return {}
    return {
        name: getattr(tokenizer, name)
        for name, parameter in signature.parameters.items()
        if name in TOKENIZER_ATTRIBUTES
        and name not in args
        and parameter.default is inspect.Parameter.empty
        and hasattr(tokenizer, name)
    }


def _build(cls: type, positional: tuple[Any, ...], keywords: dict[str, Any], spec: str) -> Any:
    try:
        return cls(*positional, **keywords)
    except Exception as error:
        raise LabelsError(
            f"target {spec!r}: building {cls.__name__}({', '.join(f'{key}=...' for key in keywords)}) raised "
            f"{type(error).__name__}: {error}; pass its other arguments with --arg KEY=VALUE",
            raised=error,
        ) from error


def _slot_fit(
    cls: type, signature: inspect.Signature | None, positional: tuple[Any, ...], keywords: dict[str, Any]
) -> int:
    """How plainly an attempt puts the tokenizer where ``cls`` takes one: 3 a parameter named for it, 2 a name
    that ``**kwargs`` passes on to a base class that takes it, 1 a name only ``**kwargs`` may take, 0 the first
    parameter whatever its name (a tokenizer in the wrong slot fails later with a misleading message)."""
    parameters = list(signature.parameters.values()) if signature is not None else []
    if positional:
        first = next((p for p in parameters if p.kind is not inspect.Parameter.VAR_KEYWORD), None)
        return 3 if first is not None and first.name in TOKENIZER_PARAMETERS else 0
    name = next(iter(keywords))
    if any(p.name == name for p in parameters):
        return 3
    for base in cls.__mro__[1:]:
        init = vars(base).get("__init__")
        base_signature = _accepts(init) if init is not None else None
        if base_signature is not None and name in base_signature.parameters:
            return 2
    return 1


def probe(target: Target, records: list[dict[str, Any]], spec: str) -> Target:
    """For functions, settle batch vs per-example by trying the first guess and then the other."""
    if target.kind not in ("batch-function", "example-function"):
        return target
    order = [target.kind, "example-function" if target.kind == "batch-function" else "batch-function"]
    failures = []
    raised: Exception | None = None
    for kind in order:
        candidate = Target(kind, target.function, target.keyword_arguments)
        try:
            output = candidate.run(records[:2])
        except Exception as error:
            failures.append(f"as {_kind_name(kind)}: {type(error).__name__}: {error}")
            raised = raised or error  # the first guess's error is the one to show
            continue
        if _looks_like(kind, output, len(records[:2])):
            return candidate
        failures.append(f"as {_kind_name(kind)}: it returned {_describe(output)}")
    raise LabelsError(
        f"target {spec!r}: expected a batch function (list of examples -> dict with input_ids and labels) or a "
        "per-example function (example -> dict with input_ids and labels); " + "; ".join(failures),
        raised=raised,
    )


def _kind_name(kind: str) -> str:
    """``a batch function``, ``an example function``."""
    words = kind.replace("-", " ")
    return ("an " if words[0] in "aeiou" else "a ") + words


def _looks_like(kind: str, output: Any, count: int) -> bool:
    """Whether ``output`` reads as ``kind``'s: one example's fields each (a mapping or tuple with 1-D token ids),
    or one batch (2-D token ids); ``fields.read_fields`` reads both."""
    from chatlint.labels.fields import read_fields

    try:
        if kind == "example-function":
            return isinstance(output, list) and all(read_fields(item, False, "") for item in output)
        return count > 0 and bool(read_fields(output, True, ""))
    except (LabelsError, TypeError, IndexError, ValueError):
        return False


def _describe(output: Any) -> str:
    if hasattr(output, "keys"):
        return f"a mapping with keys {sorted(map(str, output.keys()))}"
    if isinstance(output, list) and output and hasattr(output[0], "keys"):
        return f"a list of mappings with keys {sorted(map(str, output[0].keys()))}"
    return f"a {type(output).__name__}"
