"""CL008: the EOS token appended to a full conversation that the chat template has already terminated."""

from __future__ import annotations

import ast
import enum
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from chatlint.facts import FunctionInfo, ModuleFacts, ShapeKind, TemplateCall
from chatlint.facts.flow import function_flow
from chatlint.facts.syntax import called_name, dotted_name, shortened, string_value
from chatlint.facts.training_setup import installed_templates, known_family
from chatlint.findings import Applicability
from chatlint.rules.base import Diagnostic, NodeEdit, NodeFix, Rule


class Appended(enum.Enum):
    """How the terminator is added to the render."""

    TEXT_PLUS = "text-plus"  # `render + tokenizer.eos_token`
    TEXT_AUGMENTED = "text-augmented"  # `text += tokenizer.eos_token`
    FSTRING = "f-string"  # `f"{text}{tokenizer.eos_token}"`
    IDS_PLUS = "ids-plus"  # `ids + [tokenizer.eos_token_id]`
    IDS_APPEND = "ids-append"  # `ids.append(tokenizer.eos_token_id)`
    TEXT_IDS_PLUS = "text-ids-plus"  # `tokenizer(text)["input_ids"] + [tokenizer.eos_token_id]`, `text` a render


class Knowledge(enum.Enum):
    """What the module shows about the template's end of turn."""

    FAMILY = "family"  # a known model family whose template ends turns with the EOS token
    INSTALLED_EOS = "installed-eos"  # a template the module installs writes `eos_token`
    INSTALLED_END_TOKEN = "installed-end-token"  # it writes an end-of-turn token that may or may not be the EOS
    UNKNOWN = "unknown"

    @property
    def certain(self) -> bool:
        return self in (Knowledge.FAMILY, Knowledge.INSTALLED_EOS)


class Append(NamedTuple):
    node: ast.AST  # the expression or statement that appends
    render: TemplateCall
    how: Appended
    kept: ast.expr | None = None  # what remains without the terminator (the left operand), for the fix


class EndOfTurnAddedTwice(Rule):
    code = "CL008"
    name = "end-of-turn-added-twice"
    summary = "The EOS token appended to a rendered conversation whose template already ends the reply"
    prefilter = ((b"apply_chat_template",), (b"eos_token",))
    enabled_by_default = False
    fixable = True

    what_it_does = """
        Finds the EOS token appended to a full conversation rendered by a chat template: `tok.apply_chat_template(
        conv, tokenize=False) + tok.eos_token`, `text += tok.eos_token`, `f"{text}{tok.eos_token}"`, and for ids
        `ids + [tok.eos_token_id]` or `ids.append(tok.eos_token_id)` (also for the ids of a rendered text tokenized
        again: `tok(text)["input_ids"] + [tok.eos_token_id]`), the render followed through local names.

        It stays quiet when the render is a prompt (`add_generation_prompt=True`, `continue_final_message=True`, or
        a conversation that ends before the reply), and when the module installs its own template
        (`tokenizer.chat_template = "..."`) that writes no EOS or end-of-turn token. When the module loads a model
        family whose template is known (the knowledge table: Llama 3 and Qwen end every turn with their EOS token)
        the message says so; otherwise it states the condition. A known family whose template does not end turns
        with the EOS token keeps it quiet, and so does an append guarded by `if not text.endswith(tok.eos_token)`.

        Off by default: in released code it is too rare to show the project's precision standard (0.9 over at least
        20 judged findings on blind-labelled code); turn it on with `--extend-select CL008`.
        Measured on the same 21 released training packages: no finding (the released cases append the EOS in
        another function or package than the render, which this rule does not follow).
    """
    why_is_this_bad = """
        ChatML and Llama 3 instruct templates end every assistant turn with the token that is also the tokenizer's
        EOS (`<|im_end|>`, `<|eot_id|>`). Appending `eos_token` again trains the model on `<|im_end|>\\n<|im_end|>`:
        it learns to emit a second terminator (or a stray newline and a terminator) that inference never expects, and
        the loss looks normal.
    """
    example = """
        def to_text(example, tokenizer):
            text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
            return {"text": text + tokenizer.eos_token}
    """
    use_instead = """
        def to_text(example, tokenizer):
            text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
            return {"text": text}
    """
    fix_safety = """
        The fix drops the appended terminator from `render + eos_token` and `ids + [eos_token_id]`. It is **safe**
        when the module loads a model family whose template ends every turn with its EOS token (or installs a
        template that writes `eos_token` itself), and **unsafe** otherwise: a template that ends turns without the
        EOS token needs it. `+=`, f-strings and `.append()` have no fix.
    """

    def check(self, facts: ModuleFacts) -> Iterable[Diagnostic]:
        knowledge, words = _knowledge(facts)
        if knowledge is None:
            return
        for append in _appends(facts):
            yield _finding(append, knowledge, words, facts)


def _knowledge(facts: ModuleFacts) -> tuple[Knowledge | None, str]:
    """What the module tells about the template's end of turn, and the words for it; (None, "") when it shows the
    template does not end turns with a terminator."""
    installed = installed_templates(facts)
    shown = [template for template in installed if template.text is not None]
    if shown and len(shown) == len(installed):
        if not any(template.ends_turns for template in shown):
            return None, ""
        if any("eos_token" in (template.text or "") for template in shown):
            return Knowledge.INSTALLED_EOS, "the chat template this module installs already writes `eos_token`"
        return Knowledge.INSTALLED_END_TOKEN, (
            "the chat template this module installs already ends turns with an end-of-turn token; if that token is "
            "the tokenizer's EOS, it ends up there twice"
        )
    family = known_family(facts)
    if family is not None and not installed and family.end_of_turn_is_eos is not None:
        if not family.end_of_turn_is_eos:
            return None, ""
        return Knowledge.FAMILY, (
            f"the {family.name} chat template already ends every turn with `{family.end_of_turn}`, its EOS token"
        )
    return Knowledge.UNKNOWN, (
        "if the chat template already ends each assistant turn with the EOS token (ChatML templates such as "
        "Qwen's and the Llama 3 instruct template do), it ends up there twice"
    )


def _finding(append: Append, knowledge: Knowledge, words: str, facts: ModuleFacts) -> Diagnostic:
    ids = append.how in (Appended.IDS_PLUS, Appended.IDS_APPEND, Appended.TEXT_IDS_PLUS)
    token = "`eos_token_id`" if ids else "`eos_token`"
    consequence = (
        "; the model learns a second terminator after every reply, which inference never produces"
        if knowledge.certain
        else " and the model learns a second terminator after every reply"
    )
    message = (
        f"`{_short(facts.code(append.node))}` appends {token} to a full conversation rendered by "
        f"`{_short(facts.code(append.render.call))}` (no generation prompt, so it ends with the assistant reply): "
        f"{words}{consequence}; drop the appended terminator"
    )
    fix = None
    if append.kept is not None:
        applicability = Applicability.SAFE if knowledge.certain else Applicability.UNSAFE
        edit = NodeEdit(append.node, facts.code(append.kept))
        fix = NodeFix(applicability, (edit,), "Drop the appended EOS token")
    return Diagnostic(node=append.node, message=message, fix=fix)


# -- finding the appends --------------------------------------------------------------------------------------------
def _is_eos(node: ast.AST | None, attribute: str) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == attribute


def _appends(facts: ModuleFacts) -> Iterator[Append]:
    renders = {id(template_call.call): template_call for template_call in facts.template_calls}
    if not renders:
        return
    for function in facts.functions:
        for node, ancestors in facts.scope_nodes(function.node):
            found = _append_at(node, function, renders, facts)
            if found is not None and _terminates_reply(found.render, found.how) and not _guarded(ancestors):
                yield found


def _guarded(ancestors: tuple[ast.AST, ...]) -> bool:
    """Under `if not text.endswith(tokenizer.eos_token):`: appended only where the render does not end with it."""
    for ancestor in ancestors:
        if isinstance(ancestor, ast.If):
            for node in ast.walk(ancestor.test):
                if (
                    isinstance(node, ast.Call)
                    and called_name(node) == "endswith"
                    and any(_is_eos(argument, "eos_token") for argument in node.args)
                ):
                    return True
    return False


def _append_at(
    node: ast.AST, function: FunctionInfo, renders: dict[int, TemplateCall], facts: ModuleFacts
) -> Append | None:
    def render_of(expr: ast.expr) -> TemplateCall | None:
        return _render_of(expr, function, renders, facts)

    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        if _is_eos(node.right, "eos_token"):
            render = render_of(node.left)
            return Append(node, render, Appended.TEXT_PLUS, node.left) if render else None
        right = node.right
        if isinstance(right, ast.List) and len(right.elts) == 1 and _is_eos(right.elts[0], "eos_token_id"):
            render = render_of(node.left)
            if render is not None:
                return Append(node, render, Appended.IDS_PLUS, node.left)
            text = _tokenized_text(node.left)
            render = render_of(text) if text is not None else None
            return Append(node, render, Appended.TEXT_IDS_PLUS, node.left) if render else None
    elif isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add) and _is_eos(node.value, "eos_token"):
        render = render_of(node.target)
        return Append(node, render, Appended.TEXT_AUGMENTED) if render else None
    elif isinstance(node, ast.JoinedStr) and len(node.values) >= 2:
        last, before = node.values[-1], node.values[-2]
        if (
            isinstance(last, ast.FormattedValue)
            and _is_eos(last.value, "eos_token")
            and isinstance(before, ast.FormattedValue)
        ):
            render = render_of(before.value)
            return Append(node, render, Appended.FSTRING) if render else None
    elif isinstance(node, ast.Call) and called_name(node) == "append" and isinstance(node.func, ast.Attribute):
        if len(node.args) == 1 and _is_eos(node.args[0], "eos_token_id"):
            render = render_of(node.func.value)
            return Append(node, render, Appended.IDS_APPEND) if render else None
    return None


def _render_of(
    expr: ast.expr, function: FunctionInfo, renders: dict[int, TemplateCall], facts: ModuleFacts
) -> TemplateCall | None:
    """The template call whose result `expr` is: the call itself, or a local name every reaching assignment of
    which is that call."""
    if isinstance(expr, ast.Call):
        return renders.get(id(expr))
    if not isinstance(expr, ast.Name):
        return None
    bindings = function_flow(function, facts.flows).reaching(expr.id, expr)
    found: TemplateCall | None = None
    for binding in bindings:
        render = renders.get(id(binding.value)) if binding.kind == "assign" else None
        if render is None or (found is not None and render is not found):
            return None
        found = render
    return found


def _tokenized_text(expr: ast.expr) -> ast.expr | None:
    """The text of `tok(text)["input_ids"]`, `tok(text).input_ids` or `tok.encode(text)`, else None."""
    if isinstance(expr, ast.Subscript) and string_value(expr.slice) == "input_ids":
        expr = expr.value
    elif isinstance(expr, ast.Attribute) and expr.attr == "input_ids":
        expr = expr.value
    elif not (isinstance(expr, ast.Call) and called_name(expr) == "encode"):
        return None
    if not isinstance(expr, ast.Call) or not expr.args:
        return None
    tokenizer = (dotted_name(expr.func) or "").lower()
    return expr.args[0] if "tok" in tokenizer or "processing_class" in tokenizer else None


def _terminates_reply(render: TemplateCall, how: Appended) -> bool:
    """The render is the whole conversation through its reply, as text or ids matching how the EOS is added."""
    if render.flag("add_generation_prompt").value is not False and render.flag("add_generation_prompt").present:
        return False  # True, or an expression that may be True: a prompt
    if render.flag("continue_final_message").value is not False and render.flag("continue_final_message").present:
        return False
    if render.shape.kind is ShapeKind.PROMPT:
        return False
    tokenize = render.flag("tokenize")
    text = how in (Appended.TEXT_PLUS, Appended.TEXT_AUGMENTED, Appended.FSTRING, Appended.TEXT_IDS_PLUS)
    if text:
        return tokenize.value is False
    return (
        tokenize.value is not False
        and render.flag("return_dict").value is not True
        and (render.flag("return_dict").value is False or not render.flag("return_dict").present)
    )


def _short(text: str) -> str:
    return shortened(text, 60)
