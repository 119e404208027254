"""CL002: text rendered by a chat template is tokenized again with special tokens: a second BOS."""

from __future__ import annotations

import ast
from collections.abc import Iterable

from chatlint.facts import ModuleFacts
from chatlint.facts.flow import function_flow
from chatlint.facts.model import SplitTokenization, TokenizerCall
from chatlint.facts.syntax import called_name, cast_value, string_value
from chatlint.findings import Applicability
from chatlint.knowledge.model_families import family_of
from chatlint.rules.base import Diagnostic, NodeEdit, NodeFix, Rule
from chatlint.rules.keyword_fix import add_keyword

FLAG = "add_special_tokens"


class DoubleBos(Rule):
    code = "CL002"
    name = "double-bos"
    summary = "Chat-template text tokenized again with special tokens, so every sequence starts with two BOS tokens"
    # only chat-template code is read, the sibling included: a file that never renders a chat template is not
    # parsed for this rule (the speed of the tool)
    prefilter = ((b"apply_chat_template",),)
    # bodies that call a tokenizer matter even when they never mention the template (a dataset's `__getitem__`
    # that tokenizes what `__init__` rendered)
    fixable = True

    what_it_does = """
        Finds text produced by `apply_chat_template(..., tokenize=False)` that is tokenized again with special
        tokens on: `tokenizer(text)`, `tokenizer(text=...)`, `tokenizer.encode(text)`, `processing_class(text)`,
        `processor(text=...)`, and the batch forms over a list of such texts. The text is followed through local
        names (every assignment that can reach the call), list comprehensions and lists built with `.append`,
        dict and row fields set in the same function, string methods that keep its start (`.strip()`), `prompt
        + completion`, `typing.cast(str, text)`, tuple unpacking, helper functions of the module that return it or that tokenize it, and
        list attributes one method of a class fills and another reads.

        It also finds the sibling: a prompt and a completion tokenized separately, the completion with special
        tokens, and their ids concatenated (`prompt_ids + completion_ids`), which puts a BOS in the middle.

        It stays quiet where `add_special_tokens=False` is passed (literally, through a name, a default, or a
        `**kwargs` dict it can see), where an opaque `**kwargs` may pass it, on plain documents that never went
        through a chat template, and on text whose start was cut off (`text[len(prompt):]`). Ids that are only
        measured against a bound (`len(tokenizer(text).input_ids) > max_length`, also when they are first kept
        under a name through `.input_ids`, `["input_ids"]` or `.to(device)`) are a count, not training data, and
        stay quiet too.
    """
    why_is_this_bad = """
        Most chat templates write the BOS token into the text (`<|begin_of_text|>`, `<s>`, `<bos>`). Tokenizing
        that text with special tokens on adds the tokenizer's own BOS in front of it, so every training sequence
        starts `<bos><bos>`, which the model never sees at inference time (where `apply_chat_template` tokenizes
        once). The loss looks normal; the model is quietly trained on a different distribution. A BOS in the
        middle of a sequence (a completion tokenized with special tokens and appended to its prompt) does the
        same damage halfway through.
    """
    example = """
        def tokenize(example, tokenizer):
            text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
            return tokenizer(text, truncation=True, max_length=2048)
    """
    use_instead = """
        def tokenize(example, tokenizer):
            text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
            return tokenizer(text, truncation=True, max_length=2048, add_special_tokens=False)
    """
    fix_safety = """
        The fix adds `add_special_tokens=False` to the tokenizer call (or sets it to `False` where the call sets it
        to `True`). It is **safe** when the text certainly comes from a chat template rendered in the same
        function, and **unsafe** otherwise: when only some of the values that reach the call are rendered texts
        (the other branch may be a plain document that needs its BOS), when the text comes from a helper or
        another method, when the tokenizer call sits inside a helper that other callers share, and for the
        prompt/completion sibling (a tokenizer that appends EOS would lose it).
    """

    def check(self, facts: ModuleFacts) -> Iterable[Diagnostic]:
        reported: set[int] = set()
        for tokenizer_call in facts.tokenizer_calls:
            diagnostic = self._double_bos(tokenizer_call, facts)
            if diagnostic is not None and id(diagnostic.node) not in reported:
                reported.add(id(diagnostic.node))
                yield diagnostic
        for split in facts.split_tokenizations:
            diagnostic = self._split(split, facts)
            if diagnostic is not None and id(diagnostic.node) not in reported:
                reported.add(id(diagnostic.node))
                yield diagnostic

    def _double_bos(self, tokenizer_call: TokenizerCall, facts: ModuleFacts) -> Diagnostic | None:
        origin = tokenizer_call.origin
        if origin is None or not tokenizer_call.adds_special_tokens:
            return None
        families = [family_of(name) if name else None for name in facts.checkpoints]
        if families and all(family is not None and not family.writes_bos for family in families):
            return None  # every model the module loads has a chat template without a BOS
        if _only_counted(tokenizer_call, facts):
            return None  # a length statistic or filter: a second BOS changes a count by one, not what is trained
        if families and all(family is not None and family.writes_bos for family in families):
            condition = f" (the {families[0].name} chat template writes one)"  # type: ignore[union-attr]
        else:
            condition = (
                ", for chat templates that begin with one (Llama 3's does; ChatML templates such as Qwen's do not)"
            )
        text = _short(facts.code(tokenizer_call.text)) if tokenizer_call.text is not None else "the text"
        special = _special_words(tokenizer_call)
        via = f" through {tokenizer_call.via}" if tokenizer_call.via else ""
        maybe = "" if origin.certain else " (on at least one path)"
        message = (
            f"`{text}` {'holds texts' if origin.batch else 'is'} {origin.describe()}, so "
            f"{'each' if origin.batch else 'it'} already starts with the template's BOS{maybe}{condition}; tokenizing "
            f"{'them' if origin.batch else 'it'} "
            f"again{via} {special} adds a second BOS"
        )
        safe = origin.certain and origin.same_function and not tokenizer_call.via
        return Diagnostic(
            node=tokenizer_call.call,
            message=message,
            fix=_fix(tokenizer_call, facts, Applicability.SAFE if safe else Applicability.UNSAFE),
        )

    def _split(self, split: SplitTokenization, facts: ModuleFacts) -> Diagnostic | None:
        second = split.second
        if not second.adds_special_tokens or second.origin is not None or second.text is None:
            return None
        first_text = _short(facts.code(split.first.text)) if split.first.text is not None else "the prompt"
        message = (
            f"`{_short(facts.code(second.text))}` is tokenized {_special_words(second)} and its ids are appended "
            f"after those of `{first_text}` (`{_short(facts.code(split.node))}`): its BOS lands in the middle of "
            f"the sequence"
        )
        return Diagnostic(node=second.call, message=message, fix=_fix(second, facts, Applicability.UNSAFE))


def _special_words(tokenizer_call: TokenizerCall) -> str:
    flag = tokenizer_call.add_special_tokens
    if not flag.present:
        return "with special tokens (the default `add_special_tokens=True`)"
    where = f" (set by {flag.where})" if flag.where else ""
    return f"with `add_special_tokens=True`{where}"


def _fix(tokenizer_call: TokenizerCall, facts: ModuleFacts, applicability: Applicability) -> NodeFix | None:
    target = tokenizer_call.inner or tokenizer_call
    flag = target.add_special_tokens
    if target is not tokenizer_call:
        applicability = Applicability.UNSAFE  # a helper's call is shared by its other callers
    if not flag.present:
        edit = add_keyword(target.call, FLAG, "False", facts.source)
        where = f" inside {tokenizer_call.via}" if tokenizer_call.via else ""
        return NodeFix(applicability, (edit,), f"Pass `add_special_tokens=False`{where}")
    if isinstance(flag.node, ast.Constant) and flag.node.value is True:
        if not flag.set_in_call:
            applicability = Applicability.UNSAFE
        where = f" in {flag.where}" if flag.where else ""
        return NodeFix(applicability, (NodeEdit(flag.node, "False"),), f"Set `add_special_tokens` to `False`{where}")
    return None


def _short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _only_counted(tokenizer_call: TokenizerCall, facts: ModuleFacts) -> bool:
    """The ids are only measured against a bound (`len(tok(text).input_ids) <= max_len`, a length filter), directly
    or through the one name they are assigned to. A length that is stored or used elsewhere may mask labels (the
    prompt length of a prompt/full pair), so it is not "only counted"."""
    call = tokenizer_call.call
    ancestors = facts.ancestors(call)
    value, ancestors = _same_ids(call, ancestors)
    parent = ancestors[-1] if ancestors else None
    if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name):
        flow = function_flow(tokenizer_call.function, facts.flows)
        binding = flow.binding_of(parent, parent.targets[0].id)
        loads = flow.loads_reached_by(binding) if binding is not None else []
        return bool(loads) and all(_compared_length(load.node, load.ancestors) for load in loads)
    return _compared_length(value, ancestors)


def _same_ids(node: ast.AST, ancestors: tuple[ast.AST, ...]) -> tuple[ast.AST, tuple[ast.AST, ...]]:
    """The outermost expression around `node` that still holds its ids, and the ancestors above it: through
    `.input_ids`, `["input_ids"]`, `.to(device)` and `typing.cast(...)` (`n = tok(text).input_ids` is named `n`)."""
    while ancestors:
        parent = ancestors[-1]
        holder = ancestors[-2] if len(ancestors) > 1 else None
        if isinstance(parent, ast.Attribute) and parent.value is node:
            if parent.attr == "input_ids":
                node, ancestors = parent, ancestors[:-1]
                continue
            if parent.attr == "to" and isinstance(holder, ast.Call) and holder.func is parent:
                node, ancestors = holder, ancestors[:-2]
                continue
        if isinstance(parent, ast.Subscript) and parent.value is node and string_value(parent.slice) == "input_ids":
            node, ancestors = parent, ancestors[:-1]
            continue
        if isinstance(parent, ast.Call) and cast_value(parent) is node:
            node, ancestors = parent, ancestors[:-1]
            continue
        break
    return node, ancestors


def _compared_length(node: ast.AST, ancestors: tuple[ast.AST, ...]) -> bool:
    """`len(node)`, `len(node.input_ids)` or `len(node["input_ids"])`, compared with something."""
    child = node
    for index in range(len(ancestors) - 1, 0, -1):
        parent = ancestors[index]
        if isinstance(parent, ast.Attribute) or (isinstance(parent, ast.Subscript) and string_value(parent.slice)):
            child = parent
            continue
        is_len = isinstance(parent, ast.Call) and called_name(parent) == "len" and child in parent.args
        return is_len and isinstance(ancestors[index - 1], ast.Compare)
    return False
