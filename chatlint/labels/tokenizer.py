"""Loading a tokenizer offline and rendering / tokenizing chat templates the same way on transformers 4.x and 5.x.

transformers is imported inside the functions only, after ``HF_HUB_OFFLINE=1`` is set.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from chatlint.labels.model import LabelsError

RUNTIME_EXTRA_MESSAGE = "chatlint labels needs the runtime extra: pip install 'chat-template-lint[runtime]'"


def go_offline() -> None:
    """Never reach the Hub: set before transformers / huggingface_hub are imported.

    The only place chatlint.labels sets these: ``import_transformers`` calls it, and every path to transformers
    (``verify``, ``load_tokenizer``) goes through ``import_transformers``.
    """
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"


def import_transformers() -> Any:
    go_offline()
    # transformers announces on import that PyTorch is missing; a tokenizer needs no PyTorch, so say nothing
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    try:
        import transformers
    except ImportError as error:
        raise LabelsError(RUNTIME_EXTRA_MESSAGE) from error
    return transformers


def load_tokenizer(name_or_path: str, *, trust_remote_code: bool = False, base: Path | None = None) -> Any:
    """A tokenizer from a local folder or the local Hugging Face cache, never downloaded."""
    transformers = import_transformers()
    location = name_or_path
    if base is not None and not Path(name_or_path).is_absolute() and (base / name_or_path).exists():
        location = str(base / name_or_path)
    if Path(location).exists() and not Path(location).is_dir():
        raise LabelsError(f"--tokenizer {name_or_path}: expected a folder with tokenizer files, found a file")
    try:
        try:
            tokenizer = transformers.AutoTokenizer.from_pretrained(
                location, trust_remote_code=trust_remote_code, local_files_only=True
            )
        except Exception:
            cached = _cached_snapshot(location)
            if cached is None:
                raise
            # a cached repository with tokenizer files but no model config.json: load its folder instead
            tokenizer = transformers.AutoTokenizer.from_pretrained(
                cached, trust_remote_code=trust_remote_code, local_files_only=True
            )
    except Exception as error:  # transformers raises OSError, ValueError, EnvironmentError ...
        hint = (
            "it is not a folder here and not in the local Hugging Face cache (chatlint never downloads: "
            f"run `hf download {name_or_path}` (the Hugging Face CLI) first, or pass the folder that holds "
            "tokenizer.json / tokenizer_config.json)"
        )
        if Path(location).is_dir():
            hint = "the folder exists but has no loadable tokenizer (tokenizer.json / tokenizer_config.json)"
            if any((Path(location) / name).exists() for name in ("tokenizer.json", "tokenizer_config.json")):
                hint = (
                    f"the folder has tokenizer files but transformers {transformers.__version__} cannot load them "
                    "(saved by another transformers version, or a tokenizer class that needs an extra package?)"
                )
        if "trust_remote_code" in str(error):
            hint = "it needs custom code: pass --trust-remote-code if you trust it"
        raise LabelsError(
            f"cannot load tokenizer {name_or_path!r}: {hint}. ({type(error).__name__}: {error})"
        ) from error
    if not getattr(tokenizer, "chat_template", None):
        raise LabelsError(
            f"tokenizer {name_or_path!r} has no chat template, so there is no reference to check labels against"
        )
    return tokenizer


def _cached_snapshot(name: str) -> str | None:
    """The folder of ``name`` in the local Hugging Face cache, if it is there (no network)."""
    if Path(name).exists():
        return None
    try:
        from huggingface_hub import snapshot_download

        return snapshot_download(name, local_files_only=True)
    except Exception:
        return None


def render(tokenizer: Any, messages: list[dict[str, Any]], *, add_generation_prompt: bool) -> str:
    """The chat template's text for ``messages`` (tokenize=False returns text on 4.x and 5.x alike)."""
    text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)
    if isinstance(text, list):  # a batched render of one conversation
        text = text[0]
    return str(text)


def encode(tokenizer: Any, text: str) -> tuple[list[int], list[tuple[int, int]] | None]:
    """Token ids of rendered text, without adding special tokens (the template already wrote them), and the
    character offsets of each token when the tokenizer is fast."""
    if getattr(tokenizer, "is_fast", False):
        encoding = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
        return as_id_list(encoding["input_ids"]), [tuple(pair) for pair in encoding["offset_mapping"]]
    encoding = tokenizer(text, add_special_tokens=False)
    return as_id_list(encoding["input_ids"]), None


def as_id_list(value: Any) -> list[int]:
    """Token ids from whatever a tokenizer call returned.

    ``apply_chat_template(..., tokenize=True)`` returns a list on transformers 4.x but a ``BatchEncoding`` (a
    dict) on 5.x unless ``return_dict=False``; tensors and arrays come back with ``return_tensors``.
    """
    if hasattr(value, "keys") and "input_ids" in value:
        value = value["input_ids"]
    if hasattr(value, "tolist"):
        value = value.tolist()
    value = list(value)
    if value and isinstance(value[0], (list, tuple)):  # a batch of one
        if len(value) != 1:
            raise ValueError(f"expected the ids of one sequence, got a batch of {len(value)}")
        value = list(value[0])
    return [int(token) for token in value]


def template_ids(tokenizer: Any, messages: list[dict[str, Any]], **kwargs: Any) -> list[int]:
    """``apply_chat_template`` ids on either major version (asks for a plain list, accepts a dict)."""
    result = tokenizer.apply_chat_template(messages, tokenize=True, return_dict=False, **kwargs)
    return as_id_list(result)


def special_ids(tokenizer: Any) -> set[int]:
    """Ids of every special token: named ones and added tokens flagged special."""
    ids = {int(i) for i in getattr(tokenizer, "all_special_ids", []) if i is not None}
    decoder = getattr(tokenizer, "added_tokens_decoder", {}) or {}
    for token_id, token in decoder.items():
        if getattr(token, "special", False):
            ids.add(int(token_id))
    return ids


def decode_pieces(tokenizer: Any, ids: list[int]) -> list[str]:
    """The text each token adds, in context, so that ``"".join(pieces)`` is the decoded text.

    Decoding a token alone loses SentencePiece's leading space and splits multi-byte characters, so this decodes
    the way streaming detokenizers do: a token's piece is what decoding it after a few tokens of context adds. A
    token that ends inside a character gets an empty piece; the token that completes the character carries it.
    """

    def decode(part: list[int]) -> str:
        return tokenizer.decode(part, skip_special_tokens=False, clean_up_tokenization_spaces=False)

    pieces = [""] * len(ids)
    context_start = 0  # decoding starts here, a few tokens before the pending ones
    pending = 0  # first token whose text has not been emitted yet
    for index in range(len(ids)):
        before = decode(ids[context_start:pending])
        through = decode(ids[context_start : index + 1])
        if not through.startswith(before):  # the decoder rewrote earlier text: fall back to the token alone
            pieces[index] = decode([ids[index]])
        elif through.endswith("\ufffd") and index - pending < 8:
            continue  # inside a multi-byte character: wait for the token that completes it
        else:
            pieces[index] = through[len(before) :]
        pending = index + 1
        context_start = max(context_start, pending - 4)
    for index in range(pending, len(ids)):  # a sequence that ends inside a character
        pieces[index] = tokenizer.convert_ids_to_tokens(int(ids[index])) or ""
    return pieces
