"""What CL007 claims about tokenizers, checked on real (tiny, offline) tokenizers: a plain-text marker tokenized alone
does not match inside the conversation with a SentencePiece-style tokenizer, a marker that starts at a special token
does, and the fix's ids (the marker tokenized after a newline, the newline's ids cut off) match with both kinds."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from chatlint.rules.cl007_completion_marker_out_of_context import context_free

pytest.importorskip("transformers", reason="the runtime extra is not installed")
pytest.importorskip("tokenizers", reason="the runtime extra is not installed")

CORPUS = [
    "### Human: How are you today?\n### Assistant: I am fine, thank you.",
    "### Human: Tell me a story.\n### Assistant: Once upon a time there was a tokenizer.",
    "<|im_start|>user\nHello there<|im_end|>\n<|im_start|>assistant\nHi! How can I help?<|im_end|>\n",
    "Assistant Human ### : hello world story time fine thank you",
]
CONVERSATION = "### Human: How are you today?\n### Assistant: I am fine, thank you."


def _tokenizer(family_name: str, folder: Path, sentencepiece: bool) -> Any:
    sys.path.insert(0, str(Path(__file__).parent / "labels"))
    try:
        from tokenizer_factory import FAMILIES, build_tokenizer
    finally:
        sys.path.pop(0)
    from transformers import AutoTokenizer

    build_tokenizer(FAMILIES[family_name], folder, corpus=CORPUS, sentencepiece=sentencepiece)
    return AutoTokenizer.from_pretrained(str(folder))


def _contains(sequence: list[int], part: list[int]) -> bool:
    return any(sequence[index : index + len(part)] == part for index in range(len(sequence) - len(part) + 1))


def _in_context(tokenizer: Any, marker: str) -> list[int]:
    """The fix's ids: the marker tokenized after a newline, the newline's own ids cut off."""
    newline = tokenizer.encode("\n", add_special_tokens=False)
    return tokenizer.encode("\n" + marker, add_special_tokens=False)[len(newline) :]


def test_plain_marker_tokenized_alone_misses_with_sentencepiece(tmp_path: Path) -> None:
    tokenizer = _tokenizer("mistral", tmp_path / "sp", sentencepiece=True)
    conversation = tokenizer.encode(CONVERSATION, add_special_tokens=False)
    alone = tokenizer.encode("### Assistant:", add_special_tokens=False)
    assert not context_free("### Assistant:")
    assert not _contains(conversation, alone)  # what CL007 reports: the marker never matches
    assert _contains(conversation, _in_context(tokenizer, "### Assistant:"))  # what its fix gives does


def test_byte_level_tokenizer_matches_and_the_fix_still_does(tmp_path: Path) -> None:
    tokenizer = _tokenizer("chatml", tmp_path / "bpe", sentencepiece=False)
    conversation = tokenizer.encode(CONVERSATION, add_special_tokens=False)
    assert _contains(conversation, tokenizer.encode("### Assistant:", add_special_tokens=False))
    assert _contains(conversation, _in_context(tokenizer, "### Assistant:"))


def test_marker_that_starts_at_a_special_token_matches(tmp_path: Path) -> None:
    # byte-level only: this toy SentencePiece-style BPE, trained on four lines, merges the marker's last newline with
    # the reply's first letters ("ssistant\nH"), which real SentencePiece vocabularies (a byte piece for "\n") do not
    tokenizer = _tokenizer("chatml", tmp_path / "chatml", sentencepiece=False)
    text = CORPUS[2]
    marker = "<|im_start|>assistant\n"
    assert context_free(marker)
    assert _contains(
        tokenizer.encode(text, add_special_tokens=False), tokenizer.encode(marker, add_special_tokens=False)
    )
