"""Small questions about `ast` nodes that every part of the analysis asks, and the source text they come from.

The analysis reads Python's own `ast` (fast, positions on every node). Messages quote the code as the user wrote it,
so `code(node)` cuts the node's text out of the module's source rather than unparsing it; the source of the module
being analysed is held in a context variable for the length of one analysis (`reading(source)`).
"""

from __future__ import annotations

import ast
import contextlib
import contextvars
import re
from collections.abc import Iterator
from typing import NamedTuple

from chatlint.lines import line_starts, lines_of


class Span(NamedTuple):
    """Where a node is: 1-based lines, 0-based columns counted in characters (not UTF-8 bytes, as `ast` counts)."""

    line: int
    column: int
    end_line: int
    end_column: int


class SourceText:
    """A module's text, with the conversions between `ast` positions and character offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = lines_of(text)
        self.starts = line_starts(text)

    def column(self, line: int, byte_column: int) -> int:
        """The character column of a UTF-8 byte column on a 1-based line."""
        if line < 1 or line > len(self.lines):
            return byte_column
        text = self.lines[line - 1]
        if text.isascii():
            return byte_column
        return len(text.encode("utf-8", "surrogatepass")[:byte_column].decode("utf-8", "replace"))

    def span(self, node: ast.AST) -> Span:
        start_line = node.lineno  # type: ignore[attr-defined]
        end_line = node.end_lineno or start_line  # type: ignore[attr-defined]
        return Span(
            start_line,
            self.column(start_line, node.col_offset),  # type: ignore[attr-defined]
            end_line,
            self.column(end_line, node.end_col_offset or 0),  # type: ignore[attr-defined]
        )

    def offset(self, line: int, column: int) -> int:
        """The character offset of a 1-based line and a 0-based character column."""
        return self.starts[line - 1] + column

    def offsets(self, node: ast.AST) -> tuple[int, int]:
        span = self.span(node)
        return self.offset(span.line, span.column), self.offset(span.end_line, span.end_column)

    def segment(self, node: ast.AST) -> str:
        start, end = self.offsets(node)
        return self.text[start:end]


_ACTIVE: contextvars.ContextVar[SourceText] = contextvars.ContextVar("chatlint_source")


@contextlib.contextmanager
def reading(source: SourceText) -> Iterator[SourceText]:
    """Make `source` the text `code()` cuts from while one module is analysed."""
    token = _ACTIVE.set(source)
    try:
        yield source
    finally:
        _ACTIVE.reset(token)


def current_source() -> SourceText:
    """The source of the module being analysed (see `reading`)."""
    return _ACTIVE.get()


def shortened(text: str, limit: int) -> str:
    """`text` on one line (runs of whitespace made one space), cut to `limit` characters with "..." when longer:
    code quoted in a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def code(node: ast.AST) -> str:
    """The source text of `node`, as written."""
    try:
        source = _ACTIVE.get()
    except LookupError:
        return ast.unparse(node)  # outside an analysis (a test building nodes by hand): a faithful rendering
    if not hasattr(node, "lineno"):
        return ast.unparse(node)
    return source.segment(node)


def string_value(node: ast.AST | None) -> str | None:
    """The value of a string literal, else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def path_string(node: ast.AST | None) -> str | None:
    """The string a path names by its last part, where the code writes that part out: a literal, a join whose last
    part is one (`ROOT / "models" / "Qwen2.5-7B-Instruct"`, `os.path.join(ROOT, "models", "...")`, also in `str()`
    or `Path()`), or an f-string ending in one (`f"{ROOT}/models/Qwen2.5-7B-Instruct"`). A local checkpoint's
    folder is named for the model it holds."""
    for _ in range(_MAX_PATH_PARTS):
        if isinstance(node, ast.Call) and dotted_name(node.func) in PATH_WRAPPERS and len(node.args) == 1:
            node = node.args[0]
        elif isinstance(node, ast.Call) and dotted_name(node.func) in ("os.path.join", "join") and node.args:
            node = node.args[-1]
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            node = node.right
        elif isinstance(node, ast.JoinedStr) and node.values:
            node = node.values[-1]
        else:
            return string_value(node)
    return None


PATH_WRAPPERS = ("str", "Path", "pathlib.Path", "os.path.abspath", "os.path.expanduser")
_MAX_PATH_PARTS = 8


def bool_literal(node: ast.AST | None) -> bool | None:
    if isinstance(node, ast.Constant) and type(node.value) is bool:
        return node.value
    return None


def dotted_name(node: ast.AST | None) -> str | None:
    """`a.b.c` for a chain of names and attributes, else None."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        head = dotted_name(node.value)
        return f"{head}.{node.attr}" if head else None
    return None


def called_name(call: ast.Call) -> str:
    """The last name of what is called: `apply_chat_template` for `self.tok.apply_chat_template(...)`."""
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def names_a_processor(node: ast.expr) -> bool:
    """Does the last name of `node` say it is a processor (`processor`, `self._processor`), not a tokenizer?"""
    last = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else ""
    return "processor" in last.lower()


def keyword(call: ast.Call, name: str) -> ast.keyword | None:
    for item in call.keywords:
        if item.arg == name:
            return item
    return None


def keyword_value(call: ast.Call, name: str) -> ast.expr | None:
    item = keyword(call, name)
    return item.value if item is not None else None


def positional(call: ast.Call, index: int) -> ast.expr | None:
    """The `index`-th positional argument, counting none after a `*args`."""
    for position, arg in enumerate(call.args):
        if isinstance(arg, ast.Starred):
            return None
        if position == index:
            return arg
    return None


def first_argument(call: ast.Call) -> ast.expr | None:
    """The first argument as written, positional or keyword (what `f(x)` or `f(function=x)` hands over first)."""
    if call.args:
        first = call.args[0]
        return first.value if isinstance(first, ast.Starred) else first
    return call.keywords[0].value if call.keywords else None


def arguments_in_order(call: ast.Call) -> list[ast.expr | ast.keyword]:
    """Positional and keyword arguments as they stand in the source."""
    items: list[ast.expr | ast.keyword] = [*call.args, *call.keywords]
    return sorted(items, key=lambda item: (item.lineno, item.col_offset))


def bound_argument(call: ast.Call, parameters: list[str], parameter: str) -> ast.expr | None:
    """The expression `call` passes for `parameter` of a function whose parameters are `parameters` (in order,
    without `self` for a method call), by keyword or by position; None when it passes none."""
    value = keyword_value(call, parameter)
    if value is None and parameter in parameters:
        value = positional(call, parameters.index(parameter))
    return value


def passes_star_args(call: ast.Call) -> bool:
    """The call passes `*args`: which positions they fill is not known here."""
    return any(isinstance(arg, ast.Starred) for arg in call.args)


def star_kwargs(call: ast.Call) -> list[ast.expr]:
    return [item.value for item in call.keywords if item.arg is None]


def is_self_attribute(node: ast.AST | None) -> str | None:
    """`x` for `self.x`, else None."""
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self":
        return node.attr
    return None


def subscript_key(node: ast.AST) -> str | None:
    """The key of `name["key"]`, or of `name[config.text_column]` (see `field_column`), else None."""
    if isinstance(node, ast.Subscript):
        return string_value(node.slice) or field_column(node.slice)
    return None


def stored_key(node: ast.AST) -> str | None:
    """The key a store writes (`row["text"] = ...`, see `subscript_key`), or `<TEXT_KEY>` for a constant's name
    (`row[TEXT_KEY] = ...`): the same column wherever the module names it so, whatever string the constant holds
    (`column_names.column_name` reads it back so)."""
    key = subscript_key(node)
    if key is None and isinstance(node, ast.Subscript):
        key = constant_column(node.slice)
    return key


def constant_column(node: ast.AST) -> str | None:
    """`<TEXT_KEY>` for the name of a constant (upper case), else None."""
    if isinstance(node, ast.Name) and node.id.isupper() and len(node.id) > 1:
        return f"<{node.id}>"
    return None


# the configuration fields that name a dataset column (`text_column`, `dataset_text_field`, `prompt_key`)
_NAMES_A_COLUMN = re.compile(r"(?i)column|field|_key$")


# an object whose fields are column names: `columns.prompt_text`, `self.cols.text`
_HOLDS_COLUMN_NAMES = re.compile(r"(?i)^(?:cols|columns|column_names|keys)$")


def field_column(node: ast.AST) -> str | None:
    """`{text_column}` for `config.text_column`: a configuration field that names a column whose name only the run
    knows. The same field names the same column wherever the module reads it; its name stands in braces."""
    if not isinstance(node, ast.Attribute):
        return None
    if _NAMES_A_COLUMN.search(node.attr):
        return f"{{{node.attr}}}"
    receiver = dotted_name(node.value)
    if receiver is not None and _HOLDS_COLUMN_NAMES.match(receiver.rsplit(".", 1)[-1]):
        return f"{{{node.attr}}}"  # `columns.prompt_text`, `cfg.cols.full`: a field of the column names
    return None


def is_label_name(name: str) -> bool:
    lowered = name.lower()
    return (
        lowered in ("labels", "label", "label_ids", "targets")
        or lowered.endswith("_labels")
        or lowered in _PAIR_LABELS  # (a preference pair's: `{"label_chosen": ..., "label_rejected": ...}`)
    )


_PAIR_LABELS = frozenset({"label_chosen", "label_rejected", "labels_chosen", "labels_rejected"})


_CASTS = frozenset({"cast", "typing.cast", "t.cast", "typing_extensions.cast"})


def transposed(call: ast.Call) -> ast.expr | None:
    """`zip(*pairs)`: the list of tuples it takes apart (`prompts, images = zip(*pairs)`); None for another call."""
    if dotted_name(call.func) == "zip" and len(call.args) == 1 and isinstance(call.args[0], ast.Starred):
        return call.args[0].value
    return None


def cast_value(call: ast.Call) -> ast.expr | None:
    """The value of `typing.cast(T, value)` (`cast("str", value)` too): the same object, only the type checker's
    view of it changes; None for any other call."""
    if dotted_name(call.func) in _CASTS and len(call.args) == 2 and not call.keywords:
        value = call.args[1]
        return None if isinstance(value, ast.Starred) else value
    return None


def is_partial(call: ast.Call) -> bool:
    return dotted_name(call.func) in ("partial", "functools.partial")


def is_classmethod(node: ast.AST | None) -> bool:
    """Is `node` a function definition decorated with `@classmethod`?"""
    decorators = node.decorator_list if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else []
    return any(dotted_name(item) == "classmethod" for item in decorators)


def own_nodes(scope: ast.AST) -> list[ast.AST]:
    """The nodes of a function (or the module) outside the functions and classes defined in it."""
    found: list[ast.AST] = []
    stack = list(ast.iter_child_nodes(scope))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        found.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return found


def is_property(function: object) -> bool:
    """Is the function (a `FunctionInfo`, or its definition) a method decorated with `@property` (or
    `functools.cached_property`)?"""
    node = (
        function if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) else getattr(function, "node", None)
    )
    decorators = node.decorator_list if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else []
    return any((dotted_name(item) or "").rsplit(".", 1)[-1] in ("property", "cached_property") for item in decorators)


# calls that hand back the items of the iterable they are given, in order: a copy, a progress bar, accelerate's
# `gather_object` (the lists of every process, one after another)
SAME_ITEMS = frozenset({"list", "tuple", "sorted", "iter", "gather_object", "tqdm", "tqdm.tqdm", "auto.tqdm"})


def same_items(expr: ast.expr | None) -> ast.expr | None:
    """What a wrapper that keeps the items of its first argument wraps (`tqdm(batches, desc=...)`, `list(...)`)."""
    while isinstance(expr, ast.Call) and dotted_name(expr.func) in SAME_ITEMS and expr.args:
        expr = expr.args[0]
    return expr


# classes that run the function given as `target=` with `args=` and `kwargs=` (`Thread(target=pipe, args=(prompt,),
# kwargs=gen_kwargs)`, a streaming generation)
_RUNS_A_TARGET = frozenset({"Thread", "Process"})


def _thread_call(call: ast.Call) -> ast.Call | None:
    """`target(*args, **kwargs)` for `Thread(target=..., args=(...), kwargs=...)`, when the arguments are written
    out as a tuple or list."""
    target = keyword_value(call, "target")
    args = keyword_value(call, "args")
    if not isinstance(target, (ast.Name, ast.Attribute)) or not isinstance(args, (ast.Tuple, ast.List)):
        return None
    if any(isinstance(item, ast.Starred) for item in args.elts):
        return None
    spread = keyword_value(call, "kwargs")
    keywords = [ast.keyword(arg=None, value=spread)] if spread is not None else []
    if isinstance(spread, ast.Dict) and all(string_value(key) is not None for key in spread.keys if key is not None):
        # `kwargs={"streamer": streamer}`: its keywords, written out (`**inputs` inside stays a spread)
        keywords = [
            ast.keyword(arg=string_value(key) if key is not None else None, value=value)
            for key, value in zip(spread.keys, spread.values, strict=True)
        ]
    return ast.copy_location(ast.Call(func=target, args=list(args.elts), keywords=keywords), call)


def submitted_call(call: ast.Call) -> ast.Call | None:
    """The call a thread or process runs, written out at the same place (`Thread(target=pipe, args=(prompt,))` runs
    `pipe(prompt)`); None for any other call. (A call that runs a function it is handed with its arguments,
    `asyncio.to_thread(pipe, prompt)`, is already read as the call it makes: `chatlint.handed_calls`.)"""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    return _thread_call(call) if name in _RUNS_A_TARGET else None
