"""What a dataset column is called when the code does not write its name as a literal: a constant
(`TEXT_COLUMN = "text"`, here or imported), or a configuration field with a default (a dataclass field
`text_column: str = "text"`, an argparse option `--text-field` with `default="text"`).

A name resolves when every value it can have is one string. A configuration field resolves to its default, written
in the module or in a class or function it imports (an arguments dataclass in `config.py`); one whose default is
nowhere in the project (a YAML file, the command line) is unknown, and a rule that needs it stays quiet.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from chatlint.facts.model import FunctionInfo
from chatlint.facts.summary import table_key
from chatlint.facts.syntax import (
    called_name,
    constant_column,
    field_column,
    is_property,
    keyword_value,
    path_string,
    string_value,
)
from chatlint.knowledge.model_families import family_of, of_one_family

# a configuration field that names the column holding the training text: `text_column`, `dataset_text_field`
_TEXT_FIELD = re.compile(r"(?:^|_)text_?(?:col|column|field|key|name)$")


class ColumnName(NamedTuple):
    name: str
    words: str = ""  # how the name was found, for messages: "`TEXT_COLUMN` is "text""; "" for a literal


def column_name(
    node: ast.expr,
    function: FunctionInfo,
    imported: dict[str, str],
    defaults: Callable[[], dict[str, str]],
    imported_defaults: dict[str, str],
) -> ColumnName | None:
    """The string `node` (a subscript's key, a dict's key) certainly holds: a literal, a name bound only to one
    string in the function or a scope around it, a constant imported from another module (`imported`: the constants
    the links know, by local name), or a configuration field with one default in this module (`defaults`: the
    module's `option_defaults`, computed when first needed) or in the classes and functions it imports
    (`imported_defaults`)."""
    literal = string_value(node)
    if literal is not None:
        return ColumnName(literal)
    if isinstance(node, ast.Name):
        value = _bound_string(node.id, function)
        if value is None and node.id not in _assigned_anywhere(function):
            value = imported.get(node.id)
        if value is None and (bound := _bound_field(node.id, function)) is not None:
            # `text_field = self.args.dataset_text_field`: the field's default
            named = column_name(bound, function, imported, defaults, imported_defaults)
            if named is None or not named.words:
                return None
            if named.name.startswith("{"):
                return ColumnName(named.name, f"`{node.id}` is {named.words}")
            return ColumnName(named.name, f'`{node.id}` is `{ast.unparse(bound)}`, which defaults to "{named.name}"')
        if value is None and (default := _parameter_default(node.id, function)) is not None:
            # `def format_dataset(ds, tok, text_field="text")`: the column of the default run, as a configuration
            # field's default is
            return ColumnName(default, f'`{node.id}` defaults to "{default}"')
        if value is None and (constant := constant_column(node)) is not None:
            # a constant whose string the module does not show (imported from a module of names only): the column
            # wherever the module names it so (`row[TEXT_KEY] = render(...)`, then `tok(row[TEXT_KEY])`)
            scope = _nearest_scope(node.id, function)
            if scope is None or scope.is_module:
                return ColumnName(constant, f"the column `{node.id}` names")
        return ColumnName(value, f'`{node.id}` is "{value}"') if value is not None else None
    if isinstance(node, ast.Attribute):
        value = defaults().get(node.attr) or imported_defaults.get(node.attr)
        if value is not None:
            return ColumnName(value, f'`{ast.unparse(node)}` defaults to "{value}"')
        field = field_column(node)
        if field is not None:
            return ColumnName(field, f"the column `{ast.unparse(node)}` names")
    return None


def field_default(column: str, defaults: Callable[[], dict[str, str]], imported_defaults: dict[str, str]) -> str:
    """A column as another module's summary names it, as this module knows it: `{field}` (a configuration field's
    column) is the field's default here (`defaults`) or in what the module imports, when one is known."""
    if column.startswith("{") and column.endswith("}"):
        field = column[1:-1]
        return defaults().get(field) or imported_defaults.get(field) or column
    return column


def column_words(column: str) -> str:
    """A column in words: "column `text`", or, for a configuration field's column (`{text_column}`), "the column
    named by `text_column`"."""
    if column.startswith("{") and column.endswith("}"):
        return f"the column named by `{column[1:-1]}`"
    if column.startswith("<") and column.endswith(">"):
        return f"the column `{column[1:-1]}` names"
    return f"column `{column}`"


def _nearest_scope(name: str, function: FunctionInfo | None) -> FunctionInfo | None:
    """The nearest scope that binds `name`, as a parameter or by assignment."""
    while function is not None and name not in function.params and name not in function.assignments:
        function = function.outer
    return function


def _nearest_binding(name: str, function: FunctionInfo | None) -> tuple[FunctionInfo, list[ast.expr]] | None:
    """The nearest scope that binds `name` by assignment, with the values it assigns; None when the nearest one
    binds it as a parameter, or none does."""
    scope = _nearest_scope(name, function)
    if scope is None or name in scope.params:
        return None
    return scope, scope.assignments[name]


def _parameter_default(name: str, function: FunctionInfo | None) -> str | None:
    """The string default of the parameter `name` of the nearest scope that binds it, when that scope never
    rebinds it."""
    scope = _nearest_scope(name, function)
    if scope is None or name not in scope.params or name in scope.assignments:
        return None
    return string_value(scope.params[name].default)


def _bound_string(name: str, function: FunctionInfo | None) -> str | None:
    """The one string `name` is bound to in the nearest scope that binds it (never a parameter)."""
    found = _nearest_binding(name, function)
    strings = {string_value(value) for value in found[1]} if found is not None else {None}
    return strings.pop() if len(strings) == 1 and None not in strings else None


def _bound_field(name: str, function: FunctionInfo | None) -> ast.Attribute | None:
    """The configuration field (`args.text_field`) `name` is bound to in the nearest scope that binds it (never a
    parameter), once; rebinding it under a test that the column is missing (`if text_field not in ds.column_names:
    text_field = ...`) leaves it the field's on every run where that column is there."""
    found = _nearest_binding(name, function)
    if found is None:
        return None
    scope, values = found
    fallbacks = _missing_column_fallbacks(name, scope.node)
    kept = [value for value in values if id(value) not in fallbacks]
    return kept[0] if len(kept) == 1 and isinstance(kept[0], ast.Attribute) else None


def _missing_column_fallbacks(name: str, scope: ast.AST) -> set[int]:
    """The values `name` is given under `if name not in ...:` in `scope` (by id)."""
    found: set[int] = set()
    for node in ast.walk(scope):
        test = node.test if isinstance(node, ast.If) else None
        if not (
            isinstance(test, ast.Compare)
            and isinstance(test.left, ast.Name)
            and test.left.id == name
            and len(test.ops) == 1
            and isinstance(test.ops[0], ast.NotIn)
        ):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == name for target in inner.targets
            ):
                found.add(id(inner.value))
    return found


def _assigned_anywhere(function: FunctionInfo | None) -> set[str]:
    names: set[str] = set()
    while function is not None:
        names.update(function.assignments, function.params)
        function = function.outer
    return names


def module_constants(module: ast.Module, text: str) -> dict[str, str]:
    """Module-level names bound to one string (every assignment the same) that the module's `text` uses as a key
    (`[NAME]`, `{NAME: ...}`), or that name a checkpoint of a known model family (`MODEL_ID =
    "meta-llama/Llama-3.1-8B-Instruct"`): the column names and checkpoints another module may import."""
    bound = _module_bindings(module)
    constants: dict[str, str] = {}
    for name, values in bound.items():
        found = {string_value(value) or checkpoint_path(value) for value in values}
        string = found.pop() if len(found) == 1 else None
        if string is not None and (_used_as_key(name, text) or family_of(string) is not None):
            constants[name] = string
    if "{" in text:
        constants.update(model_tables(module, bound))
    return constants


def _module_bindings(module: ast.Module) -> dict[str, list[ast.expr]]:
    """The values the module's top level assigns to each name (`NAME = ...`, `NAME: T = ...`), in order."""
    bound: dict[str, list[ast.expr]] = {}
    for statement in module.body:
        if isinstance(statement, ast.Assign):
            targets, value = statement.targets, statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            targets, value = [statement.target], statement.value
        else:
            continue
        for target in targets:
            if isinstance(target, ast.Name):
                bound.setdefault(target.id, []).append(value)
    return bound


def model_tables(module: ast.Module, bound: Mapping[str, list[ast.expr]] | None = None) -> dict[str, str]:
    """The module-level tables of checkpoints whose entries all name checkpoints of one known family: `MODELS =
    {"qwen-7b": "Qwen/Qwen2.5-7B-Instruct", ...}` as `MODELS[*]`, and `MODELS = {"qwen-7b": {"checkpoint":
    "Qwen/Qwen2.5-7B-Instruct", ...}, ...}` (or `ModelSpec("Qwen/Qwen2.5-7B-Instruct", ...)` rows, a class of the
    module whose fields the positional values fill) as `MODELS[*][checkpoint]`, each with its first checkpoint.
    Whichever key a run picks (`MODELS[args.model]["checkpoint"]`, `MODELS[alias].repo_id`), the model is of that
    family. A module-level function that returns a row of such a table (`def resolve(alias): return MODELS[alias]`)
    is kept as the table, by its own name (`resolve[*][repo_id]`). (`bound`: the module's bindings, when the
    caller has them.)"""
    found: dict[str, str] = {}
    bound = _module_bindings(module) if bound is None else bound
    fields = _declared_fields(module)
    for name, values in bound.items():
        table = values[0]
        if len(values) != 1 or not isinstance(table, ast.Dict) or not table.values or None in table.keys:
            continue
        entries = table.values
        rows = [_table_row(entry, fields) for entry in entries]
        if all(row is not None for row in rows):
            columns = [row for row in rows if row is not None]
            for field in set(columns[0]).intersection(*columns[1:]):
                checkpoint = _agreed_family([row[field] for row in columns])
                if checkpoint is not None:
                    found[table_key(name, field)] = checkpoint
        elif (checkpoint := _agreed_family(entries)) is not None:
            found[table_key(name)] = checkpoint
    if found:
        found.update(_row_readers(module, found))
    return found


def _table_row(entry: ast.expr, fields: Mapping[str, tuple[str, ...]]) -> dict[str, ast.expr] | None:
    """The named values of a table's entry: a dict literal's string keys, or a construction's keywords and the
    positional values by the `fields` of its class when the module defines it (`ModelSpec("Qwen/...", 32768)`)."""
    if isinstance(entry, ast.Dict):
        return {column: value for key, value in zip(entry.keys, entry.values) if (column := string_value(key))}
    if not isinstance(entry, ast.Call) or not isinstance(entry.func, ast.Name):
        return None
    row = {item.arg: item.value for item in entry.keywords if item.arg is not None}
    row.update(zip(fields.get(entry.func.id, ()), entry.args))
    return row


def _declared_fields(module: ast.Module) -> dict[str, tuple[str, ...]]:
    """The annotated fields of the module's top-level classes, in order (a dataclass's or a named tuple's)."""
    return {
        statement.name: tuple(
            item.target.id
            for item in statement.body
            if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
        )
        for statement in module.body
        if isinstance(statement, ast.ClassDef)
    }


def _row_readers(module: ast.Module, tables: Mapping[str, str]) -> dict[str, str]:
    """The tables' keys again under the name of each module-level function whose every return reads a row of one
    table (`return MODELS[alias]`, `return MODELS.get(alias)`)."""
    found: dict[str, str] = {}
    for statement in module.body:
        if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        read = {_row_of(node.value) for node in ast.walk(statement) if isinstance(node, ast.Return)}
        table = read.pop() if len(read) == 1 else None
        if table is None:
            continue
        prefix = table_key(table)
        for key, checkpoint in tables.items():
            if key.startswith(prefix):
                found[table_key(statement.name) + key[len(prefix) :]] = checkpoint
    return found


def _row_of(value: ast.expr | None) -> str | None:
    """The table a returned value reads a row of: `MODELS[alias]`, `MODELS.get(alias)`."""
    if isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name):
        return value.value.id
    if (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Attribute)
        and value.func.attr == "get"
        and isinstance(value.func.value, ast.Name)
    ):
        return value.func.value.id
    return None


def _agreed_family(values: Sequence[ast.expr | None]) -> str | None:
    """The first of the checkpoints the string literals name, when every value is one, all of one known family."""
    return of_one_family(string_value(value) for value in values)


def _used_as_key(name: str, text: str) -> bool:
    return f"[{name}]" in text or f"{{{name}:" in text or f" {name}:" in text


def option_defaults(
    module: ast.Module, argparse: bool = True, imported: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The string defaults of the configuration fields a module declares, by field name (see `declared_defaults`;
    `argparse`: look for argparse options at all; `imported`: the constants the module imports, by the name it binds,
    that a default may name). A field declared with two different defaults is left out."""
    found: dict[str, set[str]] = {}
    for _, name, value in declared_defaults(module, argparse, imported):
        found.setdefault(name, set()).add(value)
    return {name: values.pop() for name, values in found.items() if len(values) == 1}


def exported_defaults(module: ast.Module, text: str) -> tuple[tuple[str, str, str], ...]:
    """The defaults of the module's fields named for a text column, or naming a checkpoint of a known model family
    (`model: str = "Qwen/Qwen2.5-7B-Instruct"`), with the top-level class or function that declares them (what
    another module imports): `(owner, field, default)`."""
    columns = "text" in text and _TEXT_FIELD_WORD.search(text) is not None
    if not columns and "/" not in text:
        return ()
    declared = declared_defaults(module, argparse="add_argument" in text)
    return tuple(
        item
        for item in declared
        if (columns and _TEXT_FIELD.search(item[1]) is not None) or family_of(item[2]) is not None
    )


def text_fields_read(text: str) -> frozenset[str]:
    """The configuration fields named for a text column that a module reads a row with (`example[args.text_column]`,
    also through a name bound to one: `text_field = args.text_column`) or names trl's text column with
    (`dataset_text_field=args.text_column`)."""
    if "text" not in text or _TEXT_FIELD_WORD.search(text) is None:
        return frozenset()  # (no field named so: the patterns below need one)
    found = {match.group(1) for match in _TEXT_FIELD_SUBSCRIPT.finditer(text)}
    found.update(match.group(1) for match in _TEXT_FIELD_KEYWORD.finditer(text))
    found.update(match.group(1) for match in _TEXT_FIELD_BOUND.finditer(text))
    return frozenset(found)


def checkpoint_fields_read(text: str) -> frozenset[str]:
    """The configuration fields a module loads a checkpoint from (`from_pretrained(cfg.model)`), or names the model
    of a request to an OpenAI-compatible server with (`completions.create(model=self.settings.model, ...)`)."""
    found = frozenset(_CHECKPOINT_FIELD.findall(text)) if "from_pretrained(" in text else frozenset()
    if "completions.create(" in text:
        found |= frozenset(_REQUESTED_MODEL_FIELD.findall(text))
    return found


def checkpoint_fields_handed(text: str) -> frozenset[str]:
    """The configuration fields named for a model or checkpoint that a module hands a class (`VLLMEngine(cfg.model,
    ...)`, `LLM(model=args.model_path)`): one that loads it tells the model family by the field's default."""
    return frozenset(match.group(1) for match in _MODEL_FIELD_HANDED.finditer(text))


def option_checkpoint_defaults(text: str) -> dict[str, set[str]]:
    """The defaults of the module's argparse options, by field name, read off its text (no parse): `parser.
    add_argument("--checkpoint_dir", default="outputs/Qwen2.5-0.5B-GRPO")` gives `checkpoint_dir`. (A multi-line
    call is read to its closing parenthesis; an option whose default is not a string literal has "".)"""
    found: dict[str, set[str]] = {}
    if "add_argument(" not in text or "default" not in text:
        return found
    for match in _ADD_ARGUMENT.finditer(text):
        end = _closing_parenthesis(text, match.end())
        call = text[match.end() : end]
        option = _OPTION_NAME.search(call)
        default = _STRING_DEFAULT.search(call)
        if option is not None:
            # ("": an option with no string default, which a run may give any value)
            found.setdefault(option.group(1).replace("-", "_"), set()).add(default.group(2) if default else "")
    return found


def _closing_parenthesis(text: str, start: int) -> int:
    """Where the call whose arguments begin at `start` closes (parentheses counted; strings are not skipped, which
    only shortens what is read)."""
    depth = 1
    for index in range(start, min(len(text), start + 2000)):
        character = text[index]
        if character == "(":
            depth += 1
        elif character == ")":
            depth -= 1
            if depth == 0:
                return index
    return min(len(text), start + 2000)


_ADD_ARGUMENT = re.compile(r"\badd_argument\(")
_OPTION_NAME = re.compile(r"""["']--([A-Za-z][\w-]*)["']""")
_STRING_DEFAULT = re.compile(r"""\bdefault\s*=\s*(["'])([^"'\n]+)\1""")

_TEXT_FIELD_WORD = re.compile(r"text_?(?:col|column|field|key|name)\b")
_TEXT_FIELD_KEYWORD = re.compile(r"dataset_text_field\s*=\s*[\w.]+\.(\w+)")
_CHECKPOINT_FIELD = re.compile(r"from_pretrained\(\s*[\w.]+\.(\w+)\s*[,)]")
_REQUESTED_MODEL_FIELD = re.compile(r"completions\.create\([^)]*?\bmodel\s*=\s*[\w.]+\.(\w+)\s*[,)]")
_MODEL_FIELD_HANDED = re.compile(
    r"\b[A-Z]\w*\(\s*(?:model\w*\s*=\s*)?\w+\.(\w*(?:model|checkpoint|pretrained)\w*)\s*[,)]"
)
_TEXT_FIELD_SUBSCRIPT = re.compile(r"\[\s*[\w.]+\.(\w*text_?(?:col|column|field|key|name))\s*\]")
# (a name bound to one, then used as the key: `text_field = self.args.dataset_text_field`)
_TEXT_FIELD_BOUND = re.compile(r"^[ \t]*\w+[ \t]*=[ \t]*[\w.]+\.(\w*text_?(?:col|column|field|key|name))[ \t]*$", re.M)


def declared_defaults(
    module: ast.Module, argparse: bool = True, imported: Mapping[str, str] | None = None
) -> list[tuple[str, str, str]]:
    """`(owner, field, default)` for each configuration field with a string default: class-level fields
    (`text_column: str = "text"`, `= field(default="text")`) of top-level classes, and argparse options
    (`add_argument("--text-field", default="text")`, by their `dest`) in top-level functions (owner "" at module
    level; `argparse`: look for them at all)."""
    found: list[tuple[str, str, str]] = []
    # a default may name a module constant (`default=DEFAULT_MODEL`), or one the module imports
    strings = {**(imported or {}), **_module_strings(module)}
    for statement in module.body:
        if isinstance(statement, ast.ClassDef):
            for inner in statement.body:
                field = _class_field(inner, strings)
                if field is not None:
                    found.append((statement.name, *field))
            continue
        if not argparse:
            continue  # (the module never says `add_argument`)
        owner = statement.name if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) else ""
        for node in ast.walk(statement):
            if isinstance(node, ast.Call) and called_name(node).endswith("add_argument"):
                option = _argparse_option(node, strings)
                if option is not None:
                    found.append((owner, *option))
    return found


def _module_strings(module: ast.Module) -> dict[str, str]:
    """The module-level names assigned one string literal, once."""
    values: dict[str, list[ast.expr]] = {}
    for statement in module.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        else:
            continue
        if isinstance(target, ast.Name):
            values.setdefault(target.id, []).append(value)
    return {
        name: text
        for name, assigned in values.items()
        if len(assigned) == 1 and (text := string_value(assigned[0]) or checkpoint_path(assigned[0])) is not None
    }


def _string_default(value: ast.expr | None, strings: dict[str, str]) -> str | None:
    """A default's string: a literal, a local checkpoint's path (see `checkpoint_path`), or a module constant that
    holds one."""
    if isinstance(value, ast.Name):
        return strings.get(value.id)
    return string_value(value) or checkpoint_path(value) if value is not None else None


def checkpoint_path(node: ast.expr | None) -> str | None:
    """A path to a local checkpoint whose last part names a model family (`str(ROOT / "models" /
    "Qwen2.5-Coder-3B-Instruct")`): the string of that part (`syntax.path_string`)."""
    name = path_string(node) if not isinstance(node, ast.Constant) else None
    return name if name is not None and family_of(name) is not None else None


def _class_field(statement: ast.stmt, strings: dict[str, str]) -> tuple[str, str] | None:
    if isinstance(statement, ast.FunctionDef) and is_property(statement):
        # `@property def model_id(self): return QWEN_CHECKPOINT`: a constant the class always gives
        body = [item for item in statement.body if not (isinstance(item, ast.Expr) and string_value(item.value))]
        returned = body[0].value if len(body) == 1 and isinstance(body[0], ast.Return) else None
        default = _string_default(returned, strings)
        return (statement.name, default) if default is not None else None
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        target, value = statement.target, statement.value
    elif isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target, value = statement.targets[0], statement.value  # type: ignore[assignment]
    else:
        return None
    if not isinstance(target, ast.Name) or value is None:
        return None
    if isinstance(value, ast.Call) and called_name(value).split(".")[-1] == "field":
        value = keyword_value(value, "default")
    default = _string_default(value, strings)
    return (target.id, default) if default is not None else None


def _argparse_option(call: ast.Call, strings: dict[str, str]) -> tuple[str, str] | None:
    default = _string_default(keyword_value(call, "default"), strings)
    if default is None:
        return None
    dest = keyword_value(call, "dest")
    if dest is not None:
        name = string_value(dest)
        return (name, default) if name is not None else None
    flags = [text for text in (string_value(argument) for argument in call.args) if text is not None]
    long = [flag for flag in flags if flag.startswith("--")]
    chosen = long[0] if long else (flags[0] if flags and not flags[0].startswith("-") else None)
    return (chosen.lstrip("-").replace("-", "_"), default) if chosen is not None else None
