"""Modules whose chat template writes no BOS because they supply it themselves: one they install
(`tokenizer.chat_template = LLAVA_CHAT_TEMPLATE`, a literal of the module without a BOS, or written in place; trl's
ChatML template, which `setup_chat_format(model, tokenizer)` installs) or a fake
`apply_chat_template` of their own (a test double). What such a module renders is meant to be tokenized with special
tokens, so no text of theirs counts as rendered.
"""

from __future__ import annotations

import ast
import re

from chatlint.facts.calls import TEMPLATE_METHOD
from chatlint.facts.links import Links
from chatlint.facts.model import FunctionInfo
from chatlint.facts.syntax import code, current_source, string_value

_INSTALLED_TEMPLATE = re.compile(r"\.chat_template\s*=\s*([A-Za-z_]\w*)\s*$", re.MULTILINE)
# a template written in place: `tok.chat_template = "{% for ... %}"`, or a parenthesised literal over lines
_INSTALLED_LITERAL = re.compile(r"""\.chat_template\s*=\s*[(\"']""")
# a template installed from what a function returns: `tok.chat_template = get_chat_template(version)`
INSTALLED_CALL = re.compile(r"\.chat_template\s*=\s*([A-Za-z_][\w.]*)\(")
# trl's `setup_chat_format(model, tokenizer)` called (`model, tokenizer = setup_chat_format(model, tokenizer)`)
_SETUP_CHAT_FORMAT = re.compile(r"\bsetup_chat_format\(")
_BOS_MARKERS = ("bos", "<s>", "<|begin_of_text|>", "<|startoftext|>", "[cls]")


def templates_without_bos(functions: list[FunctionInfo], links: Links | None = None) -> bool:
    """The module installs its own chat template (`tokenizer.chat_template = LLAVA_CHAT_TEMPLATE`, a literal
    the module defines, or what a function of the module or of another one returns that returns only such literals:
    `tok.chat_template = get_chat_template(version)`; trl's ChatML one, by `setup_chat_format(model, tokenizer)`)
    and none it installs writes a BOS, or it defines its own
    `apply_chat_template` (a test's fake tokenizer) that builds the text itself and never mentions a BOS: what it
    renders does not start with one, so tokenizing it with special tokens is right. A template only passed as a
    fallback does not count, nor one installed only when the tokenizer has none (`if tokenizer.chat_template is
    None:`)."""
    if _fakes_the_template(functions):
        return True
    text = function_text(functions[0])
    if ".chat_template" not in text and "setup_chat_format" not in text:
        # (a tokenizer from a function of another module that installs such a template: `setup_tokenizer(MODEL)`)
        return links is not None and _installed_by_imports(text, links)
    written = _installed_literals(functions[0]) if _INSTALLED_LITERAL.search(text) else []
    if any(_writes_bos(literal) for literal in written):
        return False
    installed = set(_INSTALLED_TEMPLATE.findall(text)) - {"None"}  # (`tok.chat_template = None` installs nothing)
    if _SETUP_CHAT_FORMAT.search(text) and not written and not installed and not INSTALLED_CALL.search(text):
        # trl's `setup_chat_format(model, tokenizer)` installs its ChatML template (trl 0.8-0.x, `models/utils.py`),
        # the only one the module installs: each message starts with `<|im_start|>`, which it makes the tokenizer's
        # `bos_token`, while the tokenizer's post-processor still adds the model's own BOS; the rendered text holds
        # no BOS of the model's
        return True
    if written and not INSTALLED_CALL.search(text) and not _INSTALLED_TEMPLATE.search(text):
        return True  # (every template it installs is written in place: `tok.chat_template = "{% for ... %}"`)
    calls = set(INSTALLED_CALL.findall(text))
    if calls:
        own = set(template_sources(functions))
        known = all(
            name in own or (links is not None and (found := links.resolve(name)) and found[1] in found[0].own_templates)
            for name in calls
        )
        if not known:
            return False
        if not _INSTALLED_TEMPLATE.search(text):
            return True  # (every template it installs comes from such a function)
    defined = {
        name
        for function in functions
        for name, values in function.assignments.items()
        if any(_is_template(string_value(value) or "") for value in values)
    }
    if not defined:
        return False  # no template literal to install: skip printing the module
    if not installed:
        return False
    literals = {
        name: template
        for function in functions
        for name, values in function.assignments.items()
        if name in installed
        for value in values
        if (template := string_value(value)) is not None
    }
    return set(literals) == installed and not any(_writes_bos(literal) for literal in literals.values())


def _installed_literals(module: FunctionInfo) -> list[str]:
    """The chat templates the module installs written in place (`tokenizer.chat_template = ("{% for message in
    messages %}" ...)`)."""
    fallbacks = _fallback_installs(module)
    return [
        template
        for node in ast.walk(module.node)
        if isinstance(node, ast.Assign)
        and id(node) not in fallbacks
        and any(isinstance(target, ast.Attribute) and target.attr == "chat_template" for target in node.targets)
        and (template := string_value(node.value)) is not None
        and _is_template(template)
    ]


def _fallback_installs(module: FunctionInfo) -> set[int]:
    """The assignments under an `if` that tests the tokenizer's template (`if tokenizer.chat_template is None:`):
    a fallback for a model without one, while the models that have one render with theirs; and those under a test
    of the model's name with no `else` (`if "vicuna" in model_name_or_path:`): a template for some models, while
    the others render with their own."""
    return {
        id(node)
        for branch in ast.walk(module.node)
        if isinstance(branch, ast.If) and ("chat_template" in code(branch.test) or _for_some_models(branch))
        for statement in branch.body
        for node in ast.walk(statement)
        if isinstance(node, ast.Assign)
    }


def _for_some_models(branch: ast.If) -> bool:
    """Is `branch` (with the `elif`s after it) a test of the model's name against literals with no final `else`?"""
    names = [node for node in ast.walk(branch.test) if isinstance(node, (ast.Name, ast.Attribute))]
    if not any(_MODEL_NAME.search(code(node)) for node in names) or not any(
        isinstance(node, ast.Constant) and isinstance(node.value, str) for node in ast.walk(branch.test)
    ):
        return False
    while len(branch.orelse) == 1 and isinstance(branch.orelse[0], ast.If):
        branch = branch.orelse[0]
    return not branch.orelse


# a name that holds the model's name or path (`model_name_or_path`, `args.model`, `checkpoint`)
_MODEL_NAME = re.compile(r"(?i)(?:^|[._])(?:model\w*|checkpoint\w*|base_model)$")


def _fakes_the_template(functions: list[FunctionInfo]) -> bool:
    """A method `apply_chat_template` of a class of the module that renders by itself (it calls no other
    `apply_chat_template`), without a BOS or in a module of tests (`test_...` functions: what the fake writes is
    what the tests check, nothing is trained)."""
    fakes = [
        function
        for function in functions
        if function.name == TEMPLATE_METHOD and function.cls is not None and not function.is_stub
    ]
    if not fakes:
        return False
    texts = [function_text(function) for function in fakes]
    if any(f".{TEMPLATE_METHOD}(" in text for text in texts):
        return False
    tests = any(function.name.startswith("test_") for function in functions)
    return tests or not any(_writes_bos(text) for text in texts)


def function_text(function: FunctionInfo) -> str:
    """The source of a function as written, or of the whole module for the module level."""
    if isinstance(function.node, ast.Module):
        return current_source().text
    return code(function.node)


def _writes_bos(template: str) -> bool:
    lowered = template.lower()
    return any(marker in lowered for marker in _BOS_MARKERS)


def _module_functions(functions: list[FunctionInfo]) -> list[FunctionInfo]:
    """The functions defined at the module's top level (not methods, not nested)."""
    module = functions[0]
    return [
        function
        for function in functions
        if not function.is_module and function.cls is None and function.outer is module
    ]


def _templates_without_bos(values: list[ast.expr], module: FunctionInfo) -> bool:
    """Is every value a chat-template literal that writes no BOS, written in place or bound to a name at the
    module's top (`CHATML_TEMPLATE = "{% for ... %}"`)? False for none."""
    literals = {
        name: template
        for name, bound in module.assignments.items()
        if len(bound) == 1 and (template := string_value(bound[0])) is not None and _is_template(template)
    }
    templates = [literals.get(value.id) if isinstance(value, ast.Name) else string_value(value) for value in values]
    return bool(templates) and all(
        template is not None and _is_template(template) and not _writes_bos(template) for template in templates
    )


def template_installers(functions: list[FunctionInfo]) -> tuple[str, ...]:
    """The module-level functions that install on a tokenizer chat templates of the module's own that write no BOS
    and return that tokenizer (`def setup_tokenizer(name): tok = AutoTokenizer.from_pretrained(name);
    tok.chat_template = CHATML_TEMPLATE; return tok`): what a tokenizer one returns renders starts with no BOS."""
    found = []
    for function in _module_functions(functions):
        installs = [
            node
            for node in ast.walk(function.node)
            if isinstance(node, ast.Assign)
            and any(isinstance(target, ast.Attribute) and target.attr == "chat_template" for target in node.targets)
        ]
        if not _templates_without_bos([node.value for node in installs], functions[0]):
            continue
        holders = {
            code(target.value) for node in installs for target in node.targets if isinstance(target, ast.Attribute)
        }
        returned = [node.value for node in ast.walk(function.node) if isinstance(node, ast.Return)]
        if returned and all(value is not None and code(value) in holders for value in returned):
            found.append(function.name)
    return tuple(found)


def _installed_by_imports(text: str, links: Links) -> bool:
    """Does the module call a function of another module that returns a tokenizer with a chat template of that
    module's own installed, one that writes no BOS (`tok = setup_tokenizer(MODEL)`)?"""
    return any(
        imported.symbol is not None and imported.symbol in imported.summary.template_installers and f"{local}(" in text
        for local, imported in links.names.items()
    )


def template_sources(functions: list[FunctionInfo]) -> tuple[str, ...]:
    """The module-level functions that return only chat-template literals that write no BOS (`def
    get_chat_template(version): if version == "v1": return _V1_TEMPLATE ...`): installed on a tokenizer
    (`tok.chat_template = get_chat_template(v)`), what it renders starts with no BOS."""
    return tuple(
        function.name
        for function in _module_functions(functions)
        if _templates_without_bos(
            [node.value for node in ast.walk(function.node) if isinstance(node, ast.Return) and node.value is not None],
            functions[0],
        )
    )


def _is_template(text: str) -> bool:
    return "{%" in text or "{{" in text
