"""trl's `SFTTrainer` tokenizing a dataset's text column: the tokenization the code does not write.

Given a dataset of plain text (a string column, `dataset_text_field`, "text" unless set), every trl release
tokenizes it with the tokenizer's special tokens on: `processing_class(text=...)` in recent releases, and
`add_special_tokens=True` unless `dataset_kwargs={"add_special_tokens": False}` in the 0.x ones. When a `.map()` of
the module stored text rendered by a chat template in that column, each example gets a second BOS; unless the
module imports Unsloth first, whose patched trainer tokenizes such a column without special tokens.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import PurePath
from typing import NamedTuple

from chatlint.facts.datasets import mapped_function
from chatlint.facts.flags import passed_value, spread_source
from chatlint.facts.model import FunctionInfo, SpreadSource, TextOrigin
from chatlint.facts.module import ModuleFacts
from chatlint.facts.own_templates import function_text
from chatlint.facts.rendered_text import RenderedTexts
from chatlint.facts.syntax import called_name, dotted_name, keyword_value, star_kwargs, string_value

TRL_DEFAULT_TEXT_FIELD = "text"
TRL_PROMPT_FIELD = "prompt"


class TrainerTokenization(NamedTuple):
    call: ast.Call  # the `SFTTrainer(...)` call
    function: FunctionInfo
    column: str
    field_words: str  # where the column's name comes from, in words
    origin: TextOrigin  # the render the column holds
    config_line: int | None = None  # the line of the `SFTConfig(dataset_text_field=...)` keyword that names the column
    formatting: bool = False  # the texts are what a `formatting_func=` returns (trl stores them in `text`)


def trl_imports(facts: ModuleFacts, name: str) -> frozenset[str]:
    """The names imports of the module bind trl's class `name` to (`from trl import SFTTrainer`, `from trl import
    SFTTrainer as TRLSFTTrainer`)."""
    return frozenset(ref.local for ref in facts.imports if ref.symbol == name and ref.module.split(".")[0] == "trl")


def _trl_names(facts: ModuleFacts, name: str) -> frozenset[str]:
    """The names the module calls trl's class `name` by: its own, and the ones imports bind it to."""
    return frozenset((name, *trl_imports(facts, name)))


# methods of `SFTTrainer` that prepare (tokenize) its dataset: a subclass that defines one tokenizes its own way
_DATASET_PREPARATION = frozenset({"_prepare_dataset", "_prepare_non_packed_dataloader", "_prepare_packed_dataloader"})


def sft_text_columns(facts: ModuleFacts) -> list[TrainerTokenization]:
    """The `SFTTrainer(...)` calls of the module whose text column holds text a `.map()` of the module rendered (also
    of a subclass of the module that leaves the dataset's preparation to it: `class AuxLossTrainer(SFTTrainer)`
    overriding `compute_loss`)."""
    trainer_names = _trl_names(facts, "SFTTrainer")
    trainer_names |= {
        cls.name
        for cls in facts.classes.values()
        if any(base in trainer_names for base in cls.bases) and not _DATASET_PREPARATION & cls.methods.keys()
    }
    trainers = [
        (call, function)
        for call, function, _ in facts.calls
        if called_name(call) in trainer_names and not _unsloth_imported_before(call, function, facts)
    ]
    if not trainers or _patched_by_unsloth(facts):
        return []
    config_names = _trl_names(facts, "SFTConfig")
    configs = [(call, function) for call, function, _ in facts.calls if called_name(call) in config_names]
    if any(_opts_out(config, function, facts) for config, function in configs):
        return []
    texts = facts.rendered_texts
    found = []
    for call, function in trainers:
        formatted = _formatted(call, function, facts)
        if formatted is not None and not _opts_out(call, function, facts):
            words = f"the texts `formatting_func={formatted[0]}` returns"
            found.append(
                TrainerTokenization(call, function, TRL_DEFAULT_TEXT_FIELD, words, formatted[1], formatting=True)
            )
    writers = texts.rows.column_writers
    if not writers:
        return found
    for call, function in trainers:
        dataset = passed_value(call, "train_dataset", function)
        if _opts_out(call, function, facts) or _passed(call, "formatting_func", function) or dataset is None:
            continue
        field = _text_field(call, configs, function, texts)
        if field is None:
            continue
        # a prompt-completion dataset (`{"prompt": rendered, "completion": reply}`): trl tokenizes a prompt of plain
        # text with special tokens on, alone and before its completion (0.17 and later; it looks for `prompt` first)
        prompt = (TRL_PROMPT_FIELD, "the prompt of trl's prompt-completion format", None)
        for column, needed in ((prompt, True), (field, False)):
            if column[0] not in writers:
                continue
            targets = {id(writer) for writer, _ in writers[column[0]]}
            derived = texts.rows.derives(dataset, function, targets, _tokenized_or_dropped(column[0], facts))
            if derived is True or (derived is None and not needed):
                origin = texts.rows.writer_of(column[0], [(dataset, function)])
                found.append(TrainerTokenization(call, function, column[0], column[1], origin, column[2]))
                break
    return found


def _formatted(call: ast.Call, function: FunctionInfo, facts: ModuleFacts) -> tuple[str, TextOrigin] | None:
    """The render a function of the module handed as `formatting_func=` returns (`return
    tok.apply_chat_template(example["messages"], tokenize=False)`, or a column a `.map()` rendered into): trl
    tokenizes what it returns as plain text, with special tokens on (0.x: `processing_class(formatting_func(element),
    add_special_tokens=True)`; 1.x: the texts stored in `text`, then `processing_class(text=...)`)."""
    given = passed_value(call, "formatting_func", function)
    texts = facts.rendered_texts
    if isinstance(given, ast.Lambda):  # `formatting_func=lambda example: tok.apply_chat_template(...)`
        body = texts.template_text(given.body, function, 0) or texts.template_texts(given.body, function, 0)
        return ("lambda ...", body) if body is not None else None
    if not isinstance(given, (ast.Name, ast.Attribute)):
        return None
    # a function, or a method (`formatting_func=self._format`)
    formatter = texts.helper_function(ast.Call(func=given, args=[], keywords=[]), function)
    # (one text, or a list of them for a batch: trl 0.x's documented `formatting_prompts_func`)
    origin = (texts.returned(formatter) or texts.returned_texts(formatter)) if formatter is not None else None
    return (dotted_name(given) or "...", origin) if origin is not None else None


def _patched_by_unsloth(facts: ModuleFacts) -> bool:
    """Does the module run with Unsloth: it imports Unsloth before it imports trl's `SFTTrainer`, outside a `try`, or
    it is a module of a project's Unsloth backend (in a folder named for it, `backends/unsloth/sft.py`)? Unsloth's
    import patches trl's `SFTTrainer`: before tokenizing a text column it looks at the first text, and when that
    starts with the BOS (or the tokenizer's template writes one) it tokenizes without special tokens ("Unsloth: We
    found double BOS tokens - we shall remove one automatically", unsloth_zoo's generated
    `UnslothSFTTrainer._prepare_dataset`)."""
    if any("unsloth" in re.split(r"[-_.]", folder.lower()) for folder in PurePath(facts.path).parts[:-1]):
        return True
    unsloth = trl = None
    for node in ast.walk(facts.module):
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        if any(name.split(".")[0] in ("unsloth", "unsloth_zoo") for name in names):
            if not any(_falls_back(above) for above in facts.ancestors(node)) and not _tried(node, facts):
                unsloth = min(unsloth or node.lineno, node.lineno)
        elif any(name.split(".")[0] == "trl" for name in names):
            trl = min(trl or node.lineno, node.lineno)
    return unsloth is not None and (trl is None or unsloth < trl)


def _unsloth_imported_before(call: ast.Call, function: FunctionInfo, facts: ModuleFacts) -> bool:
    """Does the function that makes the trainer import Unsloth before it, where the trainer runs only when that
    import worked (outside a `try`, or in one whose handlers all leave the function: `except ImportError: return
    False`)? Its patched `SFTTrainer` is the one that runs there, while another function of the module (the
    fallback without Unsloth) gets trl's own."""
    if function.is_module:
        return False
    for node in ast.walk(function.node):
        if not isinstance(node, (ast.Import, ast.ImportFrom)) or node.lineno >= call.lineno:
            continue
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [alias.name for alias in node.names]
        if not any(name.split(".")[0] in ("unsloth", "unsloth_zoo") for name in names):
            continue
        tries = [above for above in facts.ancestors(node) if isinstance(above, ast.Try) and above.handlers]
        if all(_leaves(handler.body) for attempt in tries for handler in attempt.handlers):
            return True
    return False


def _leaves(body: list[ast.stmt]) -> bool:
    """Does a handler's body end by leaving the function (`return`, `raise`, `sys.exit(...)`)?"""
    last = body[-1] if body else None
    if isinstance(last, (ast.Return, ast.Raise)):
        return True
    return isinstance(last, ast.Expr) and isinstance(last.value, ast.Call) and called_name(last.value) == "exit"


def _falls_back(node: ast.AST) -> bool:
    """A `try` with a handler that goes on without what it tried (`except ImportError: FastLanguageModel = None`);
    one whose handlers all raise (`except ImportError: raise ImportError("pip install unsloth")`) only words the
    failure: what it tried is required."""
    return isinstance(node, ast.Try) and not all(
        handler.body and isinstance(handler.body[-1], ast.Raise) for handler in node.handlers
    )


def _tried(node: ast.AST, facts: ModuleFacts) -> bool:
    """Is `node` in a function the module calls inside a `try` (`try: model, tok = _load_unsloth(cfg)` with `except
    ImportError:` loading with transformers instead)? The other path runs without Unsloth."""
    loader = next((above for above in facts.ancestors(node) if isinstance(above, ast.FunctionDef)), None)
    if loader is None:
        return False
    return any(
        called_name(call) == loader.name and any(isinstance(above, ast.Try) and above.handlers for above in ancestors)
        for call, _, ancestors in facts.calls
    )


def _tokenized_or_dropped(column: str, facts: ModuleFacts) -> Callable[[ast.Call], bool]:
    """A `.map()` after the render that leaves trl nothing to tokenize: it drops the column (`remove_columns`
    naming it, or all of them) or its function writes `input_ids` (trl does not tokenize a dataset that has them)."""
    defined = _defined_functions(facts)

    def stops(call: ast.Call) -> bool:
        if _drops_column(call, column):
            return True
        if mapped_function(call) is None:
            return False
        removed = keyword_value(call, "remove_columns")
        if removed is not None and (
            column in (string_value(item) for item in _items(removed)) or _all_columns(removed)
        ):
            return True
        return _writes_ids(call, defined)

    return stops


def _defined_functions(facts: ModuleFacts) -> dict[str, FunctionInfo]:
    """The module's functions by name."""
    return {function.name: function for function in facts.functions if not function.is_module}


def _writes_ids(call: ast.Call, defined: dict[str, FunctionInfo]) -> bool:
    """Does the `.map()` apply a function of the module (`defined`, by name) that writes `input_ids`?"""
    mapped = mapped_function(call)
    local = defined.get(mapped.id) if isinstance(mapped, ast.Name) else None
    return local is not None and "input_ids" in function_text(local)


def pretokenized(trainer: ast.Call, function: FunctionInfo, facts: ModuleFacts) -> bool:
    """Is the trainer's `train_dataset` made by a `.map()` that leaves it ids only (`tokenized = ds.map(tokenize,
    remove_columns=ds.column_names)`, or a function of the module that writes `input_ids`)? trl prepares no dataset
    that has them: it neither tokenizes nor packs it."""
    dataset = passed_value(trainer, "train_dataset", function)
    if isinstance(dataset, ast.Name):
        assigned = function.assignments.get(dataset.id, [])
        dataset = assigned[0] if len(assigned) == 1 else dataset
    if not isinstance(dataset, ast.Call) or mapped_function(dataset) is None:
        return False
    removed = keyword_value(dataset, "remove_columns")
    return (removed is not None and _all_columns(removed)) or _writes_ids(dataset, _defined_functions(facts))


def _drops_column(call: ast.Call, column: str) -> bool:
    """`ds.remove_columns("text")`, `ds.select_columns(["messages"])`, `ds.rename_column("text", "raw")`: the
    dataset made by the call has no column `column` any more."""
    method = call.func.attr if isinstance(call.func, ast.Attribute) else ""
    given = call.args[0] if call.args else None
    if given is None:
        return False
    names = [string_value(item) for item in _items(given)]
    if method in ("remove_columns", "rename_column"):
        return column in names
    if method == "select_columns":
        return None not in names and column not in names
    if method == "rename_columns" and isinstance(given, ast.Dict):
        return column in (string_value(key) for key in given.keys if key is not None)
    return False


def _items(node: ast.expr) -> list[ast.expr]:
    return list(node.elts) if isinstance(node, (ast.List, ast.Tuple)) else [node]


def _all_columns(node: ast.expr) -> bool:
    """`remove_columns=ds.column_names`: every column, the rendered one too."""
    return isinstance(node, ast.Attribute) and node.attr == "column_names"


def _opts_out(call: ast.Call, function: FunctionInfo, facts: ModuleFacts) -> bool:
    """The call may change how the dataset is tokenized, or says so: `dataset_kwargs=...` (special tokens off, or
    no preparation at all), also in a `**mapping` the code shows, or a `**mapping` it cannot see that may hold it."""
    if any(spread_source(mapping, function, facts.flows) is not SpreadSource.VISIBLE for mapping in star_kwargs(call)):
        return True
    return _passed(call, "dataset_kwargs", function)


def _passed(call: ast.Call, name: str, function: FunctionInfo) -> bool:
    """Does the call pass `name`, by keyword or in a `**mapping` it spreads (`trainer_args = dict(args=args, ...)`)?"""
    return passed_value(call, name, function) is not None


def _text_field(
    trainer: ast.Call, configs: list[tuple[ast.Call, FunctionInfo]], function: FunctionInfo, texts: RenderedTexts
) -> tuple[str, str, int | None] | None:
    """The column the trainer tokenizes, where its name comes from, and the line of the `SFTConfig` that names it:
    `dataset_text_field=` on the trainer (trl 0.x), else on the module's `SFTConfig(...)` (one name for all of
    them), else trl's default; None when unknown."""
    for call, scope in ((trainer, function), *configs):
        value = passed_value(call, "dataset_text_field", scope)
        if value is None:
            continue
        name = texts.column_of(value, scope)
        where = "`SFTTrainer`" if call is trainer else "`SFTConfig`"
        if name is None or (call is not trainer and _fields_differ(configs, name.name, texts)):
            return None
        # (the line of the keyword itself: where the column is named, for a related place)
        line = None if call is trainer else value.lineno
        return name.name, f"its `dataset_text_field`, set by {where} at line {value.lineno}", line
    return TRL_DEFAULT_TEXT_FIELD, "trl's default `dataset_text_field`", None


def _fields_differ(configs: list[tuple[ast.Call, FunctionInfo]], name: str, texts: RenderedTexts) -> bool:
    """Do the module's configurations name different text columns (or one that cannot be resolved)?"""
    for config, scope in configs:
        value = passed_value(config, "dataset_text_field", scope)
        resolved = texts.column_of(value, scope) if value is not None else None
        other = TRL_DEFAULT_TEXT_FIELD if value is None else (resolved.name if resolved is not None else None)
        if other != name:
            return True
    return False
