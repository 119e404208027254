"""CL007: a completion marker (or a turn's length) tokenized on its own, out of the context it is matched in."""

from __future__ import annotations

import ast
import enum
import json
import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from chatlint.facts import FunctionInfo, ModuleFacts
from chatlint.facts.syntax import called_name, dotted_name, keyword_value, positional, shortened, string_value
from chatlint.facts.training_setup import loaded_families, resolved_string
from chatlint.findings import Applicability
from chatlint.rules.base import Diagnostic, NodeEdit, NodeFix, Rule

# A marker that begins with a special token of this shape (`<|im_start|>`, `<|start_header_id|>`, Gemma's
# `<start_of_turn>`) is split at that token: the tokenizer never merges it with the text before it, and no word-start
# piece is put in front of it, so it tokenizes the same alone and in the conversation.
_SPECIAL_START = re.compile(r"^(?:<\|[^|<>\s]+\|>|<(?:start|end)_of_turn>)")
_LABEL_BASES = frozenset({"target", "targets", "labels", "label", "label_ids"})


class MarkerPlace(enum.Enum):
    """Where the marker is handed to the code that looks for it in the tokenized conversation."""

    TRL_RESPONSE = "response_template"  # trl's DataCollatorForCompletionOnlyLM
    TRL_INSTRUCTION = "instruction_template"
    UNSLOTH_INSTRUCTION = "instruction_part"  # unsloth's train_on_responses_only
    UNSLOTH_RESPONSE = "response_part"


_ARGUMENTS: dict[str, tuple[tuple[MarkerPlace, int], ...]] = {
    "DataCollatorForCompletionOnlyLM": ((MarkerPlace.TRL_RESPONSE, 0), (MarkerPlace.TRL_INSTRUCTION, 1)),
    "train_on_responses_only": ((MarkerPlace.UNSLOTH_INSTRUCTION, 1), (MarkerPlace.UNSLOTH_RESPONSE, 2)),
}


class Marker(NamedTuple):
    call: ast.Call
    place: MarkerPlace
    argument: ast.expr
    text: str  # the marker's text, from a literal or a constant


def context_free(marker: str) -> bool:
    """The marker tokenizes the same alone and inside a conversation: it starts at a special token."""
    return bool(_SPECIAL_START.match(marker))


class CompletionMarkerOutOfContext(Rule):
    code = "CL007"
    name = "completion-marker-out-of-context"
    summary = (
        "A completion marker or a turn's length tokenized on its own, which the conversation tokenizes differently"
    )
    prefilter = ((b"DataCollatorForCompletionOnlyLM", b"train_on_responses_only", b"input_ids", b"encode("),)
    enabled_by_default = False
    fixable = True

    what_it_does = """
        Finds a marker that a library looks for in the tokenized conversation, given as text and so tokenized on its
        own: `DataCollatorForCompletionOnlyLM(response_template="### Assistant:")` and its `instruction_template=`
        (trl), and `train_on_responses_only(trainer, instruction_part="...", response_part="...")` (unsloth). The
        marker is flagged when it is plain text: it does not begin with a special token of the `<|name|>` shape
        (`<|im_start|>assistant\\n`, `<|start_header_id|>assistant<|end_header_id|>\\n\\n`) or Gemma's
        `<start_of_turn>`, which tokenize the same wherever they stand, and the module does not load only models
        whose tokenizer the knowledge table knows to be a byte-level BPE (Llama 3, Qwen: they put no word-start
        piece before a text tokenized alone, and mostly tokenize such a marker the same in context). With a
        tokenizer the module does not name, the message states the condition: the mismatch is certain for
        SentencePiece tokenizers (Llama 2, the first Mistral tokenizers, where `[INST]` is plain text too; Mistral's
        v3 tokenizers make `[INST]` a control token, and there a finding on it is a false alarm). Markers given as
        token ids (a list, or `tokenizer.encode(...)` of the marker with its context) and markers the code does not
        show (a parameter, an attribute) are left alone.

        It also finds hand-written per-turn length arithmetic on a fragment tokenized alone, used to mask labels:
        `instruction_len = len(tokenizer(parts[0]).input_ids) - 2` and then `target[cur:cur + instruction_len] =
        IGNORE_TOKEN_ID` (the constant is the code's guess of how many tokens differ in context), and a plain
        `len(tokenizer(part).input_ids)` that masks at a running offset (`target[cur_len:cur_len + n]`, with
        `cur_len += ...`): FastChat's turn-by-turn masking of a conversation tokenized whole. Ids tokenized turn by
        turn and concatenated (exact lengths) are left alone.

        Off by default: in released code it is too rare to show the project's precision standard (0.9 over at least
        20 judged findings on blind-labelled code); turn it on with `--extend-select CL007`.
        Measured on 21 released training packages (trl 0.9.6, 0.12.2 and 0.21.0, axolotl, FastChat,
        LLaMA-Factory, unsloth, unsloth_zoo, torchtune, verl, ms-swift, xtuner, OpenRLHF, oumi,
        alignment-handbook, autotrain, mlx-lm, litgpt, llm-foundry, llama-recipes, LMFlow): 11 findings; 2 real
        (FastChat's turn arithmetic, confirmed by a blind label), 2 more of the same pattern tuned to one
        tokenizer (unsure), 7 false alarms on plain-text markers used with byte-level BPE tokenizers the module
        does not name (trl's own tests on GPT-2, an example on Llama 3.2).
    """
    why_is_this_bad = """
        Inside the conversation the marker follows other text. SentencePiece tokenizers (Llama 2, Mistral, Gemma)
        give a marker tokenized alone a word-start piece (`▁###`) that it does not have after a newline, and
        byte-level BPE tokenizers can merge its first or last character with the text around it (`:\\n`). The ids
        never match: trl warns "Could not find response key" and trains nothing on that row, unsloth masks whole
        rows, and a turn length guessed from a fragment shifts every mask after it, so user turns leak into the
        loss or replies are dropped. The loss still goes down.
    """
    example = """
        from trl import DataCollatorForCompletionOnlyLM

        collator = DataCollatorForCompletionOnlyLM(response_template="### Assistant:", tokenizer=tokenizer)
    """
    use_instead = """
        from trl import DataCollatorForCompletionOnlyLM

        # the marker's ids as they are inside the text: tokenized after a newline, the newline's ids cut off
        response_ids = tokenizer.encode("\\n### Assistant:", add_special_tokens=False)[2:]
        collator = DataCollatorForCompletionOnlyLM(response_template=response_ids, tokenizer=tokenizer)
    """
    fix_safety = """
        For a trl marker given as a string literal or constant, with the tokenizer passed as `tokenizer=`, the fix
        replaces the marker with its ids computed in context, trl's documented remedy written for any tokenizer:
        `tokenizer.encode("\\n### Assistant:", add_special_tokens=False)[len(tokenizer.encode("\\n",
        add_special_tokens=False)):]`. It is **unsafe**: it assumes the marker follows a newline in the formatted
        text, as in trl's documentation; a marker that follows a space or starts the text needs other context.
        unsloth markers and length arithmetic have no fix.
    """

    def check(self, facts: ModuleFacts) -> Iterable[Diagnostic]:
        families = loaded_families(facts)
        byte_level = bool(families) and all(family is not None and family.byte_level_bpe for family in families)
        for marker in _markers(facts):
            if not context_free(marker.text) and not byte_level:
                yield self._marker_finding(marker, facts)
        for found in _fragment_lengths(facts):
            yield Diagnostic(node=found.node, message=_length_message(found, facts))

    def _marker_finding(self, marker: Marker, facts: ModuleFacts) -> Diagnostic:
        trl = marker.place in (MarkerPlace.TRL_RESPONSE, MarkerPlace.TRL_INSTRUCTION)
        library = "trl" if trl else "unsloth"
        consequence = (
            "rows where it is not found train nothing (trl warns `Could not find response key`)"
            if marker.place is MarkerPlace.TRL_RESPONSE
            else "user turns are not masked where it is not found"
            if marker.place is MarkerPlace.TRL_INSTRUCTION
            else "rows where it is not found are masked wrongly (whole rows train nothing, or prompts are trained)"
        )
        message = (
            f"`{marker.place.value}={json.dumps(marker.text)}` is plain text that {library} tokenizes on its own and "
            f"then looks for in the tokenized conversation; there it follows other text, and SentencePiece "
            f"tokenizers (Llama 2, Mistral) give it a different first token (a word-start piece, or a merge with the "
            f"newline before it; byte-level BPE tokenizers such as GPT-2's, Llama 3's and Qwen's mostly match it), so "
            f"with those the ids may never match and {consequence}; give the marker's ids tokenized in "
            f'context (`tokenizer.encode("\\n{_escaped(marker.text)}", add_special_tokens=False)[2:]` for Llama 2)'
        )
        return Diagnostic(node=marker.argument, message=message, fix=_fix(marker, facts) if trl else None)


def _escaped(text: str) -> str:
    return json.dumps(text)[1:-1]


def _markers(facts: ModuleFacts) -> Iterator[Marker]:
    for call, function, _ in facts.calls:
        places = _ARGUMENTS.get(called_name(call))
        if places is None:
            continue
        for place, index in places:
            argument = keyword_value(call, place.value) or positional(call, index)
            text = resolved_string(argument, function)
            if argument is not None and text:
                yield Marker(call, place, argument, text)


def _fix(marker: Marker, facts: ModuleFacts) -> NodeFix | None:
    tokenizer = keyword_value(marker.call, "tokenizer")
    if dotted_name(tokenizer) is None or marker.text[:1].isspace():
        return None
    name = facts.code(tokenizer)  # type: ignore[arg-type]
    literal = string_value(marker.argument)
    context = json.dumps("\n" + marker.text) if literal is not None else f'"\\n" + {facts.code(marker.argument)}'
    replacement = (
        f'{name}.encode({context}, add_special_tokens=False)[len({name}.encode("\\n", add_special_tokens=False)):]'
    )
    return NodeFix(
        Applicability.UNSAFE,
        (NodeEdit(marker.argument, replacement),),
        "Give the marker's ids tokenized after a newline, as in the conversation",
    )


# -- per-turn length arithmetic on a fragment tokenized alone -----------------------------------------------------------
class Arithmetic(enum.Enum):
    CORRECTED = "corrected"  # `len(tok(x).input_ids) - 2`: a hand-picked correction for the context
    RUNNING = "running"  # `len(tok(x).input_ids)` masking at a running offset (`target[cur:cur + n]`, `cur += ...`)


class FragmentLength(NamedTuple):
    node: ast.expr  # the length expression
    kind: Arithmetic
    mask: ast.Assign  # the assignment that masks the labels with it
    function: FunctionInfo


def _fragment_ids_length(node: ast.AST) -> bool:
    """`len(tok(x).input_ids)`, `len(tok(x)["input_ids"])`, `len(tok.encode(x))`."""
    if not (isinstance(node, ast.Call) and called_name(node) == "len" and len(node.args) == 1):
        return False
    ids = node.args[0]
    if isinstance(ids, ast.Attribute) and ids.attr == "input_ids":
        ids = ids.value
    elif isinstance(ids, ast.Subscript) and string_value(ids.slice) == "input_ids":
        ids = ids.value
    elif not (isinstance(ids, ast.Call) and called_name(ids) == "encode"):
        return False
    if not isinstance(ids, ast.Call):
        return False
    tokenizer = (dotted_name(ids.func) or "").lower()
    return "tok" in tokenizer or "processing_class" in tokenizer


def _arithmetic(node: ast.AST) -> Arithmetic | None:
    if _fragment_ids_length(node):
        return Arithmetic.RUNNING
    if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub)):
        return None
    right = node.right
    if isinstance(right, ast.Constant) and type(right.value) is int and right.value > 0:
        return Arithmetic.CORRECTED if _fragment_ids_length(node.left) else None
    return None


def _fragment_lengths(facts: ModuleFacts) -> Iterator[FragmentLength]:
    """Each fragment length whose value (directly or through the name it is assigned to) bounds a slice of the labels
    that is assigned: `target[cur:cur + instruction_len] = IGNORE_TOKEN_ID`. A plain length counts only at a running
    offset (a name the function advances with `+=`): turn-by-turn arithmetic over a conversation tokenized whole."""
    for function in facts.functions:
        nodes = facts.scope_nodes(function.node)
        lengths: dict[str, tuple[ast.expr, Arithmetic]] = {}
        inline: dict[int, Arithmetic] = {}
        advanced: set[str] = set()
        for node, ancestors in nodes:
            if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
                advanced.add(node.target.id)
            kind = _arithmetic(node)
            if kind is None or (kind is Arithmetic.RUNNING and ancestors and _arithmetic(ancestors[-1]) is not None):
                continue  # the `len(...)` inside `len(...) - 2` is judged as the whole
            parent = ancestors[-1] if ancestors else None
            if isinstance(parent, ast.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name):
                lengths[parent.targets[0].id] = (node, kind)  # type: ignore[assignment]
            else:
                inline[id(node)] = kind
        if _concatenates_ids(nodes, function):
            # the sequence is built from the turns' own ids: a turn's length is exact, only a correction is judged
            lengths = {name: found for name, found in lengths.items() if found[1] is Arithmetic.CORRECTED}
            inline = {key: kind for key, kind in inline.items() if kind is Arithmetic.CORRECTED}
        if lengths or inline:
            yield from _masks_with(nodes, lengths, inline, advanced, function)


def _tokenizes(expr: ast.expr) -> bool:
    """`expr` is the ids of a tokenizer call (`tok(x).input_ids`, `tok(x)["input_ids"]`, `tok.encode(x)`, a slice of
    them), not a length or anything else made from them."""
    while isinstance(expr, ast.Subscript) and string_value(expr.slice) is None:
        expr = expr.value
    return _fragment_ids_length(ast.Call(ast.Name("len", ast.Load()), [expr], []))


def _concatenates_ids(nodes: list[tuple[ast.AST, tuple[ast.AST, ...]]], function: FunctionInfo) -> bool:
    """`ids += tok(turn).input_ids` or `ids.extend(...)` of such ids (directly or through a name assigned them)."""

    def tokenized(value: ast.expr) -> bool:
        if isinstance(value, ast.Name):
            return any(_tokenizes(assigned) for assigned in function.assignments.get(value.id, ()))
        return _tokenizes(value)

    for node, _ in nodes:
        if isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add) and tokenized(node.value):
            return True
        if isinstance(node, ast.Call) and called_name(node) == "extend" and node.args and tokenized(node.args[0]):
            return True
    return False


def _masks_with(
    nodes: list[tuple[ast.AST, tuple[ast.AST, ...]]],
    lengths: dict[str, tuple[ast.expr, Arithmetic]],
    inline: dict[int, Arithmetic],
    advanced: set[str],
    function: FunctionInfo,
) -> Iterator[FragmentLength]:
    reported: set[int] = set()
    for node, _ in nodes:
        if not _label_slice_assignment(node):
            continue
        target = node.targets[0]  # type: ignore[attr-defined]
        parts = list(ast.walk(target.slice))
        running = any(isinstance(part, ast.Name) and part.id in advanced for part in parts)
        for part in parts:
            found = lengths.get(part.id) if isinstance(part, ast.Name) else None
            if found is None and id(part) in inline:
                found = (part, inline[id(part)])  # type: ignore[assignment]
            if found is None or id(found[0]) in reported:
                continue
            if found[1] is Arithmetic.RUNNING and not running:
                continue
            reported.add(id(found[0]))
            yield FragmentLength(found[0], found[1], node, function)  # type: ignore[arg-type]


def _label_slice_assignment(node: ast.AST) -> bool:
    if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
        return False
    target = node.targets[0]
    if not (isinstance(target, ast.Subscript) and isinstance(target.slice, ast.Slice)):
        return False
    base = dotted_name(target.value) or ""
    return base.split(".")[-1].lower() in _LABEL_BASES or base.lower().endswith("_labels")


def _length_message(found: FragmentLength, facts: ModuleFacts) -> str:
    node, mask = found.node, found.mask
    if found.kind is Arithmetic.CORRECTED and isinstance(node, ast.BinOp):
        measures = (
            f"measures a fragment tokenized on its own and subtracts a hand-picked {facts.code(node.right)} for the "
            f"tokens it expects to differ in context"
        )
    else:
        measures = "measures a fragment tokenized on its own, turn by turn"
    return (
        f"`{_short(facts.code(node))}` {measures}; line {mask.lineno} masks the labels "
        f"with it (`{_short(facts.code(mask.targets[0]))} = ...`) in {found.function.display_name}, but inside the "
        f"conversation the fragment can tokenize to a different count (SentencePiece word starts, merges with the "
        f"text before it, a BOS), which shifts every mask after it; take the lengths from the tokenized conversation "
        f"(offsets, or ids tokenized turn by turn and concatenated)"
    )


def _short(text: str) -> str:
    return shortened(text, 60)
