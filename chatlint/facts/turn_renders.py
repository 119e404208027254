"""A conversation rendered one turn at a time and joined: `for message in messages:` rendering `[message]` and adding
the result (text or ids) to what the earlier turns gave.

To the template each one-message list is a whole conversation: it writes what begins one (a BOS for templates that
write one; Llama 3.1's also puts its default system header first) before every turn, in the middle of the
sequence. Turns are found in one render of the whole conversation instead (`return_assistant_tokens_mask`, or the
renders of its growing prefixes, whose differences are the turns).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from typing import NamedTuple

from chatlint.facts.flow import FunctionFlow, function_flow
from chatlint.facts.model import Route, TemplateCall
from chatlint.facts.module import ModuleFacts
from chatlint.facts.syntax import code, dotted_name, shortened, string_value
from chatlint.facts.uses import same_value

# words in what a loop runs over that say it holds the turns of one conversation
_TURN_WORDS = ("message", "msg", "turn", "conversation", "conv", "dialog", "chat", "history")
_ACCUMULATE = frozenset({"append", "extend"})
# what joins a list of texts or id sequences into one (`"".join(parts)`, `torch.cat(chunks)`)
_JOINS = frozenset({"join", "cat", "concatenate"})


class TurnRender(NamedTuple):
    template_call: TemplateCall
    turn: str  # the one-turn conversation, in words: "`[message]`"
    joined: str  # how the results are joined, in words: "`input_ids += ids`"


def turn_renders(facts: ModuleFacts) -> list[TurnRender]:
    return facts.remembered(_turn_renders)


def _turn_renders(facts: ModuleFacts) -> list[TurnRender]:
    found = []
    for template_call in facts.template_calls:
        if template_call.route not in (Route.DIRECT, Route.ALIAS) or template_call.conversation is None:
            continue
        loop = _loop_over_turns(template_call, facts)
        if loop is None:
            continue
        if isinstance(loop, ast.For):
            joined = _joined(template_call, loop, facts)
        else:
            joined = _joined_comprehension(loop, template_call, facts)
        if joined:
            found.append(TurnRender(template_call, f"`{code(template_call.conversation)}`", joined))
    return found


def _loop_over_turns(
    template_call: TemplateCall, facts: ModuleFacts
) -> ast.For | ast.ListComp | ast.GeneratorExp | None:
    """The loop (or comprehension) over a conversation's turns whose current turn alone is rendered: `[message]` or
    `[{"role": ..., "content": ...}]` with `message` its loop variable (also through one local name), or
    `messages[i:i + 1]`."""
    conversation = template_call.conversation
    if isinstance(conversation, ast.Name):
        value = function_flow(template_call.function, facts.flows).assigned(conversation)
        if isinstance(value, ast.List):
            conversation = value
    loops = [node for node in template_call.ancestors if isinstance(node, (ast.For, ast.ListComp, ast.GeneratorExp))]
    if not loops:
        return None
    loop = loops[-1]
    head = loop if isinstance(loop, ast.For) else loop.generators[0]
    if not any(word in code(head.iter).lower() for word in _TURN_WORDS):
        return None
    targets = {node.id for node in ast.walk(head.target) if isinstance(node, ast.Name)}
    if isinstance(conversation, ast.List) and len(conversation.elts) == 1:
        turn = conversation.elts[0]
        if isinstance(turn, ast.Name) and turn.id in targets:
            return loop
        if isinstance(turn, ast.Subscript) and _names(turn.slice) & targets:
            return loop  # `[messages[i]]`
        if isinstance(turn, ast.Dict) and "role" in {string_value(key) for key in turn.keys if key is not None}:
            return loop if _names(turn) & targets else None
        return None
    if isinstance(conversation, ast.Subscript) and isinstance(conversation.slice, ast.Slice):
        lower, upper = conversation.slice.lower, conversation.slice.upper
        if (
            isinstance(lower, ast.Name)
            and lower.id in targets
            and isinstance(upper, ast.BinOp)
            and isinstance(upper.op, ast.Add)
            and code(upper.left) == lower.id
            and isinstance(upper.right, ast.Constant)
            and upper.right.value == 1
        ):
            return loop  # `messages[i:i + 1]`
    return None


def _joined(template_call: TemplateCall, loop: ast.For, facts: ModuleFacts) -> str:
    """How the render's result, or the ids a tokenizer makes of it, is added to a list kept across the loop's
    turns, in words ("" when it is not)."""
    values: list[tuple[ast.AST, tuple[ast.AST, ...]]] = [(template_call.call, template_call.ancestors)]
    function = template_call.function
    flow = function_flow(function, facts.flows)
    seen = 0
    while values and seen < 8:
        node, ancestors = values.pop()
        seen += 1
        value, above = same_value(node, ancestors, through_ids=True)  # `tok(text)["input_ids"]` is the ids
        for holder in _holders(value, above):
            joined = _accumulation(holder, loop, flow)
            if joined:
                return joined
        parent = above[-1] if above else None
        if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name):
            binding = flow.binding_of(parent, parent.targets[0].id)
            if binding is not None:
                values.extend((load.node, load.ancestors) for load in flow.loads_reached_by(binding))
        call = _tokenized_by(node, ancestors, facts)
        if call is not None:
            values.append(call)
    return ""


def _joined_comprehension(
    loop: ast.ListComp | ast.GeneratorExp, template_call: TemplateCall, facts: ModuleFacts
) -> str:
    """`"".join(render([m]) for m in messages)`, `sum([render([m]) for m in messages], [])`, or the list of renders
    kept under a name that is joined later: the renders of the turns joined into one sequence, in words ("" when
    they are not)."""
    ancestors = template_call.ancestors
    index = next((position for position, node in enumerate(ancestors) if node is loop), None)
    parent = ancestors[index - 1] if index else None
    if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name):
        name = parent.targets[0].id
        flow = function_flow(template_call.function, facts.flows)
        return f"`{name}`, joined later" if _joined_later(name, flow) else ""
    if not isinstance(parent, ast.Call) or not parent.args or parent.args[0] is not loop:
        return ""
    if isinstance(parent.func, ast.Attribute) and parent.func.attr == "join":
        return f"`{_short(code(parent))}`"
    if dotted_name(parent.func) == "sum" and len(parent.args) == 2:
        return f"`{_short(code(parent))}`"
    return ""


def _holders(node: ast.AST, ancestors: tuple[ast.AST, ...]) -> Iterator[ast.AST]:
    """The statements and calls around `node` up to its statement: where it may be added to a list."""
    for above in reversed(ancestors):
        yield above
        if isinstance(above, ast.stmt):
            return


def _accumulation(holder: ast.AST, loop: ast.For, flow: FunctionFlow) -> str:
    """`ids += ...`, `ids.extend(...)`, or `parts.append(...)` with `parts` joined later (`"".join(parts)`), on a
    name bound before the loop. (A list of renders kept apart is a batch of conversations, not one sequence.)"""
    if isinstance(holder, ast.AugAssign) and isinstance(holder.op, ast.Add) and isinstance(holder.target, ast.Name):
        name = holder.target.id
    elif isinstance(holder, ast.Call) and isinstance(holder.func, ast.Attribute) and holder.func.attr in _ACCUMULATE:
        name = dotted_name(holder.func.value) or ""
        if holder.func.attr == "append" and not _joined_later(name, flow):
            return ""
    else:
        return ""
    bound_before = any(
        getattr(binding.statement, "lineno", loop.lineno) < loop.lineno for binding in flow.bindings.get(name, [])
    )
    return f"`{_short(code(holder))}`" if name and bound_before else ""


def _joined_later(name: str, flow: FunctionFlow) -> bool:
    """Is the list `name` joined into one sequence: `"".join(name)`, `sum(name, [])`, `torch.cat(name)`?"""
    for load in flow.loads.get(name, ()):
        parent = load.ancestors[-1] if load.ancestors else None
        if isinstance(parent, ast.Call) and parent.args and parent.args[0] is load.node:
            func = parent.func
            if isinstance(func, ast.Attribute) and func.attr in _JOINS or dotted_name(func) in _JOINS | {"sum"}:
                return True
    return False


def _tokenized_by(
    node: ast.AST, ancestors: tuple[ast.AST, ...], facts: ModuleFacts
) -> tuple[ast.AST, tuple[ast.AST, ...]] | None:
    """The tokenizer call that takes `node` as its text, with its ancestors."""
    for tokenizer_call in facts.tokenizer_calls:
        if tokenizer_call.text is node:
            call = tokenizer_call.call
            above = ancestors[: next((index for index, item in enumerate(ancestors) if item is call), len(ancestors))]
            return call, above
    return None


def _names(node: ast.AST) -> set[str]:
    return {item.id for item in ast.walk(node) if isinstance(item, ast.Name)}


def _short(text: str) -> str:
    return shortened(text, 60)
