"""What the chat template says should be trained, derived from the template itself (model-agnostic).

For the assistant turn at index ``a``: ``prefix = render(conv[:a], add_generation_prompt=True)`` and
``through = render(conv[:a+1])``. The tokens between them are the reply, including its end-of-turn token.
When the template is not prefix-preserving (some reasoning templates rewrite earlier turns) the reply is found
with the template's ``{% generation %}`` masks, or else with character offsets in the full render.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from chatlint.labels.tokenizer import encode, render, special_ids

GENERATION_TAG = re.compile(r"{%-?\s*generation\s*-?%}")

METHOD_DESCRIPTIONS = {
    "prefix": "token prefixes of the template's renders",
    "generation-mask": "the template's {% generation %} masks (the template is not prefix-preserving)",
    "offsets": "character offsets in the full render (the template is not prefix-preserving)",
    "text": "the tokenizer's encoding of prompt + completion + EOS (plain text: no chat template); the completion "
    "and the EOS are trained",
}
# from the most to the least direct; a report names the least direct one any example needed
METHOD_ORDER = ("prefix", "text", "generation-mask", "offsets")


class ReferenceError(Exception):
    """The template's supervision cannot be derived for this conversation."""


@dataclass
class Reply:
    turn: int  # index of the assistant message in the conversation
    positions: list[int]  # reference positions to train: the reply and its end-of-turn token
    trailing: list[int] = field(default_factory=list)  # after the end-of-turn token: either is fine
    end_of_turn: int | None = None
    method: str = "prefix"


@dataclass
class Reference:
    text: str
    ids: list[int]
    replies: list[Reply]
    generation_header: list[int]  # tokens add_generation_prompt=True appends after a finished conversation

    @property
    def method(self) -> str:
        methods = {reply.method for reply in self.replies}
        return max(methods, key=METHOD_ORDER.index, default="prefix")

    def reply_roles(self) -> list[str]:
        """Per reference position: prompt, reply, end-of-turn or trailing."""
        roles = ["prompt"] * len(self.ids)
        for reply in self.replies:
            for position in reply.positions:
                roles[position] = "reply"
            for position in reply.trailing:
                roles[position] = "trailing"
            if reply.end_of_turn is not None:
                roles[reply.end_of_turn] = "end-of-turn"
        return roles


def build_reference(tokenizer: Any, messages: list[dict[str, Any]]) -> Reference:
    try:
        full_text = render(tokenizer, messages, add_generation_prompt=False)
    except Exception as error:
        raise ReferenceError(f"the chat template cannot render this conversation: {error}") from error
    ids, offsets = encode(tokenizer, full_text)
    specials = special_ids(tokenizer)
    eos = getattr(tokenizer, "eos_token_id", None)
    if eos is not None:
        specials.add(int(eos))
    generation_masks: list[list[int]] | None = None

    replies = []
    for turn, message in enumerate(messages):
        if message.get("role") != "assistant":
            continue
        span, method = _prefix_span(tokenizer, messages, turn, ids)
        if span is None and GENERATION_TAG.search(tokenizer.chat_template or ""):
            if generation_masks is None:
                generation_masks = _generation_mask_spans(tokenizer, messages, ids)
            index = sum(1 for m in messages[:turn] if m.get("role") == "assistant")
            if generation_masks is not None and index < len(generation_masks):
                span, method = generation_masks[index], "generation-mask"
        if span is None:
            span, method = _offset_span(tokenizer, messages, turn, full_text, offsets), "offsets"
        if not span:
            raise ReferenceError(
                f"cannot find assistant turn {turn} in the template's render (not prefix-preserving, no "
                "{% generation %} masks, and its text was not found)"
            )
        replies.append(_split_reply(turn, span, ids, specials, method))
    return Reference(full_text, ids, replies, _generation_header(tokenizer, messages, full_text, ids))


def _prefix_text(tokenizer: Any, messages: list[dict[str, Any]], turn: int) -> str:
    try:
        return render(tokenizer, messages[:turn], add_generation_prompt=True)
    except Exception:
        if turn == 0:  # some templates refuse an empty conversation
            return ""
        raise


def _prefix_span(
    tokenizer: Any, messages: list[dict[str, Any]], turn: int, ids: list[int]
) -> tuple[list[int] | None, str]:
    try:
        prefix_ids = encode(tokenizer, _prefix_text(tokenizer, messages, turn))[0]
        through_ids = encode(tokenizer, render(tokenizer, messages[: turn + 1], add_generation_prompt=False))[0]
    except Exception:
        return None, "prefix"
    if through_ids[: len(prefix_ids)] != prefix_ids or ids[: len(through_ids)] != through_ids:
        return None, "prefix"
    if len(through_ids) <= len(prefix_ids):
        return None, "prefix"
    return list(range(len(prefix_ids), len(through_ids))), "prefix"


def _generation_mask_spans(tokenizer: Any, messages: list[dict[str, Any]], ids: list[int]) -> list[list[int]] | None:
    from chatlint.labels.tokenizer import as_id_list

    try:
        result = tokenizer.apply_chat_template(
            messages, tokenize=True, return_dict=True, return_assistant_tokens_mask=True, add_generation_prompt=False
        )
    except Exception:
        return None
    mask = result.get("assistant_masks") if hasattr(result, "get") else None
    if mask is None or as_id_list(result["input_ids"]) != ids:
        return None
    mask = as_id_list(mask)
    spans: list[list[int]] = []
    for position, flag in enumerate(mask):
        if flag and (not spans or spans[-1][-1] != position - 1):
            spans.append([])
        if flag:
            spans[-1].append(position)
    return spans


def _offset_span(
    tokenizer: Any,
    messages: list[dict[str, Any]],
    turn: int,
    full_text: str,
    offsets: list[tuple[int, int]] | None,
) -> list[int]:
    """Find the reply by text: it starts where the prompt render ends and runs through the end-of-turn text
    that ``render(conv[:turn+1])`` puts after the content, as far as the full render agrees."""
    if offsets is None:
        return []
    try:
        prefix_text = _prefix_text(tokenizer, messages, turn)
        through_text = render(tokenizer, messages[: turn + 1], add_generation_prompt=False)
    except Exception:
        return []
    # where this turn's prompt ends in the full render
    start = len(prefix_text) if full_text.startswith(prefix_text) else _locate_prompt_end(full_text, prefix_text)
    if start is None:
        return []
    content = str(messages[turn].get("content") or "")
    body = content.split("</think>")[-1].strip() if "</think>" in content else content.strip()
    found = full_text.find(body, start) if body else start
    if found < 0:
        return []
    content_end = found + len(body)
    tail_start = through_text.rfind(body) + len(body) if body else len(prefix_text)
    tail = through_text[tail_start:]
    common = 0
    while (
        common < len(tail) and content_end + common < len(full_text) and tail[common] == full_text[content_end + common]
    ):
        common += 1
    end = content_end + common
    return [index for index, (first, _last) in enumerate(offsets) if start <= first < end]


def _locate_prompt_end(full_text: str, prefix_text: str) -> int | None:
    """The end of the longest common prefix, if it covers most of the prompt render."""
    common = 0
    limit = min(len(full_text), len(prefix_text))
    while common < limit and full_text[common] == prefix_text[common]:
        common += 1
    return common if common >= 0.8 * len(prefix_text) else None


def _split_reply(turn: int, span: list[int], ids: list[int], specials: set[int], method: str) -> Reply:
    """The end-of-turn token is the first special token after the reply's text; what follows it (a newline,
    another end marker) may be trained or not."""
    end_of_turn = None
    seen_text = False
    for position in span:
        if ids[position] in specials:
            if seen_text or all(ids[p] in specials for p in span):
                end_of_turn = position
                break
        else:
            seen_text = True
    if end_of_turn is None:
        return Reply(turn, list(span), [], None, method)
    cut = span.index(end_of_turn) + 1
    return Reply(turn, span[:cut], span[cut:], end_of_turn, method)


def _generation_header(tokenizer: Any, messages: list[dict[str, Any]], full_text: str, ids: list[int]) -> list[int]:
    try:
        with_header = render(tokenizer, messages, add_generation_prompt=True)
    except Exception:
        return []
    if not with_header.startswith(full_text) or len(with_header) == len(full_text):
        return []
    header_ids = encode(tokenizer, with_header)[0]
    if header_ids[: len(ids)] == ids:
        return header_ids[len(ids) :]
    return encode(tokenizer, with_header[len(full_text) :])[0]


def build_text_reference(tokenizer: Any, prompt: str, completion: str) -> Reference:
    """A plain-text prompt/completion pair: ``prompt + completion + EOS`` tokenized as plain text is (with the
    tokenizer's special tokens); the completion and the EOS are to be trained. A token that spans the boundary
    between prompt and completion may be trained or not."""
    from chatlint.labels.tokenizer import as_id_list

    eos = getattr(tokenizer, "eos_token", None)
    text = prompt + completion + (eos if eos and not completion.endswith(eos) else "")
    if not getattr(tokenizer, "is_fast", False):
        raise ReferenceError("a plain-text prompt/completion needs a fast tokenizer (its character offsets)")
    encoding = tokenizer(text, return_offsets_mapping=True)
    ids = as_id_list(encoding["input_ids"])
    offsets = [tuple(pair) for pair in encoding["offset_mapping"]]
    start = len(prompt)
    positions = [index for index, (first, last) in enumerate(offsets) if first >= start and last > first]
    straddling = [index for index, (first, last) in enumerate(offsets) if first < start < last]
    if not positions:
        raise ReferenceError("the completion is empty")
    eos_id = getattr(tokenizer, "eos_token_id", None)
    end_of_turn = positions[-1] if eos_id is not None and ids[positions[-1]] == eos_id else None
    reply = Reply(1, positions, straddling, end_of_turn, "text")
    return Reference(text, ids, [reply], [])
