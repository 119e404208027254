"""Test collators, each written the way real training code is, with one switchable bug.

They are loaded by the tests as objects and by the CLI tests as ``tests/labels/collators.py:Name`` targets.
"""

from __future__ import annotations

from typing import Any

END_MARKERS = ("<|eot_id|>", "<|im_end|>", "<end_of_turn>", "<|end|>", "</s>")
HEADER_MARKERS = ("<|start_header_id|>", "<|im_start|>", "<start_of_turn>", "<|assistant|>", "[/INST]")
IGNORE = -100


def end_marker(tokenizer: Any) -> str:
    vocabulary = tokenizer.get_vocab()
    return next(marker for marker in END_MARKERS if marker in vocabulary)


def render(tokenizer: Any, messages: list[dict[str, Any]], generation_prompt: bool) -> str:
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=generation_prompt)


def pad_rows(rows: list[list[int]], value: int, side: str) -> list[list[int]]:
    width = max(len(row) for row in rows)
    if side == "left":
        return [[value] * (width - len(row)) + row for row in rows]
    return [row + [value] * (width - len(row)) for row in rows]


def convert(batch: dict[str, list[list[int]]], return_type: str) -> dict[str, Any]:
    if return_type == "numpy":
        import numpy

        return {key: numpy.array(value, dtype=numpy.int64) for key, value in batch.items()}
    if return_type == "torch":
        import torch

        return {key: torch.tensor(value, dtype=torch.long) for key, value in batch.items()}
    return batch


class ChatCollator:
    """Trains every assistant reply through its end-of-turn token; finds replies by character offsets.

    bug: None, "stray" (renders the finished conversation with add_generation_prompt=True), "double-bos"
    (tokenizes the rendered text with special tokens on), "content-only" (stops the reply before its end-of-turn
    token), "pad-eos" (pad = eos, then masks labels equal to the pad id), "role-typo" (trains turns whose role is
    "gpt", so none), "drop-system" (leaves the system turn out), "labels-other-side" (pads labels on the other
    side from input_ids), "train-header" (also trains the assistant header before each reply), "no-end-of-turn"
    (leaves every reply's end-of-turn token out of the text, like appending the reply's content by hand).
    """

    def __init__(
        self,
        tokenizer: Any,
        bug: str | None = None,
        padding_side: str = "right",
        return_type: str = "list",
        shift_labels: bool = False,
        max_length: int = 4096,
        train: str = "assistant",
    ) -> None:
        self.tokenizer = tokenizer
        self.bug = bug
        self.padding_side = padding_side
        self.return_type = return_type
        self.shift_labels = shift_labels
        self.max_length = max_length
        self.train = train
        self.marker = end_marker(tokenizer)

    def encode(self, messages: list[dict[str, Any]]) -> tuple[list[int], list[int]]:
        if self.bug == "drop-system":
            messages = [m for m in messages if m["role"] != "system"]
        text = render(self.tokenizer, messages, generation_prompt=self.bug == "stray")
        if self.bug == "no-end-of-turn":
            for message in messages:
                if message["role"] == "assistant":
                    content = message["content"].strip()
                    text = text.replace(content + self.marker, content)
        encoding = self.tokenizer(
            text,
            add_special_tokens=self.bug == "double-bos",
            return_offsets_mapping=True,
            truncation=True,
            max_length=self.max_length,
        )
        ids, offsets = encoding["input_ids"], encoding["offset_mapping"]
        spans = []
        cursor = 0
        for message in messages:
            if message["role"] != ("gpt" if self.bug == "role-typo" else "assistant"):
                continue
            content = message["content"].strip()
            start = text.find(content, cursor)
            end = start + len(content)
            if self.bug not in ("content-only", "no-end-of-turn"):
                end = text.find(self.marker, end) + len(self.marker)
            if self.bug == "train-header":  # also train the assistant header: start at its first token
                start = max(text.rfind(header, 0, start) for header in HEADER_MARKERS)
            spans.append((start, end))
            cursor = end
        trained = []
        for index, (first, last) in enumerate(offsets):
            if self.bug == "double-bos" and index == 0:
                trained.append(False)
                continue
            trained.append(any(last > start and first < end for start, end in spans))
        if self.train == "full":
            trained = [True] * len(ids)
        labels = [token if flag else IGNORE for token, flag in zip(ids, trained)]
        if self.bug == "pad-eos":
            pad = self.tokenizer.eos_token_id
            labels = [IGNORE if token == pad else token for token in labels]
        return ids, labels

    def __call__(self, examples: list[dict[str, Any]]) -> dict[str, Any]:
        encoded = [self.encode(example["messages"]) for example in examples]
        pad = self.tokenizer.pad_token_id
        input_ids = pad_rows([ids for ids, _ in encoded], pad, self.padding_side)
        mask = pad_rows([[1] * len(ids) for ids, _ in encoded], 0, self.padding_side)
        label_side = self.padding_side
        if self.bug == "labels-other-side":
            label_side = "left" if self.padding_side == "right" else "right"
        labels = pad_rows([labels for _, labels in encoded], IGNORE, label_side)
        if self.shift_labels:  # labels[i] is the target for position i + 1, as some trainers expect
            labels = [row[1:] + [IGNORE] for row in labels]
        return convert({"input_ids": input_ids, "attention_mask": mask, "labels": labels}, self.return_type)


class PromptCompletionCollator:
    """Masks ``messages[:-1]`` and trains the last reply, like a prompt/completion chat collator.

    generation_prompt_on_full=True is the founding bug (the finished conversation rendered with the generation
    prompt); prompt_generation_prompt=False measures the prompt without the assistant header;
    prompt_length="template-call" measures it with ``len(apply_chat_template(prompt))``, which is 2 (the keys
    of a BatchEncoding) on transformers 5.
    """

    def __init__(
        self,
        tokenizer: Any,
        generation_prompt_on_full: bool = False,
        prompt_generation_prompt: bool = True,
        prompt_length: str = "tokens",
        max_length: int = 1024,
        padding_side: str = "left",
        # lists by default: these tests must run without torch; `return_type="torch"` tests import it themselves
        return_type: str = "list",
    ) -> None:
        self.tokenizer = tokenizer
        self.generation_prompt_on_full = generation_prompt_on_full
        self.prompt_generation_prompt = prompt_generation_prompt
        self.prompt_length = prompt_length
        self.max_length = max_length
        self.padding_side = padding_side
        self.return_type = return_type

    def __call__(self, examples: list[dict[str, Any]]) -> dict[str, Any]:
        rows, label_rows = [], []
        for example in examples:
            messages = example["messages"]
            full = render(self.tokenizer, messages, self.generation_prompt_on_full)
            ids = self.tokenizer(full, add_special_tokens=False, truncation=True, max_length=self.max_length)[
                "input_ids"
            ]
            if self.prompt_length == "template-call":
                prompt_length = len(self.tokenizer.apply_chat_template(messages[:-1], add_generation_prompt=True))
            else:
                prompt = render(self.tokenizer, messages[:-1], self.prompt_generation_prompt)
                prompt_length = len(self.tokenizer(prompt, add_special_tokens=False)["input_ids"])
            rows.append(ids)
            label_rows.append([IGNORE] * prompt_length + ids[prompt_length:])
        pad = self.tokenizer.pad_token_id
        batch = {
            "input_ids": pad_rows(rows, pad, self.padding_side),
            "attention_mask": pad_rows([[1] * len(r) for r in rows], 0, self.padding_side),
            "labels": pad_rows(label_rows, IGNORE, self.padding_side),
        }
        return convert(batch, self.return_type)


class ReplyTextCollator:
    """Builds each row as prompt + the last reply's text, the way trl 0.11's ChatML collator did: the prompt is
    the render up to the reply's text, the completion is the text alone, so no end-of-turn token is ever trained
    (on a short conversation, far below max_length)."""

    def __init__(self, tokenizer: Any, max_length: int = 1024) -> None:
        self.tokenizer = tokenizer
        self.max_length = max_length

    def __call__(self, examples: list[dict[str, Any]]) -> dict[str, Any]:
        rows, label_rows = [], []
        for example in examples:
            messages = example["messages"]
            reply = messages[-1]["content"].strip()
            full = render(self.tokenizer, messages, False)
            prompt = full[: full.rindex(reply)]
            options = {"add_special_tokens": False, "truncation": True, "max_length": self.max_length}
            prompt_ids = self.tokenizer(prompt, **options)["input_ids"]
            reply_ids = self.tokenizer(reply, **options)["input_ids"]
            rows.append(prompt_ids + reply_ids)
            label_rows.append([IGNORE] * len(prompt_ids) + reply_ids)
        pad = self.tokenizer.pad_token_id
        return {
            "input_ids": pad_rows(rows, pad, "right"),
            "attention_mask": pad_rows([[1] * len(r) for r in rows], 0, "right"),
            "labels": pad_rows(label_rows, IGNORE, "right"),
        }


def tokenize_example(example: dict[str, Any], tokenizer: Any) -> dict[str, list[int]]:
    """A per-example function in the datasets.map style: trains the last reply."""
    messages = example["messages"]
    ids = tokenizer.apply_chat_template(messages, tokenize=True, return_dict=False)
    prompt = tokenizer.apply_chat_template(messages[:-1], tokenize=True, add_generation_prompt=True, return_dict=False)
    return {"input_ids": ids, "labels": [IGNORE] * len(prompt) + ids[len(prompt) :]}


def tokenize_example_stray(example: dict[str, Any], tokenizer: Any) -> dict[str, list[int]]:
    messages = example["messages"]
    ids = tokenizer.apply_chat_template(messages, tokenize=True, add_generation_prompt=True, return_dict=False)
    prompt = tokenizer.apply_chat_template(messages[:-1], tokenize=True, add_generation_prompt=True, return_dict=False)
    return {"input_ids": ids, "labels": [IGNORE] * len(prompt) + ids[len(prompt) :]}


def collate_batch(examples: list[dict[str, Any]], tokenizer: Any) -> dict[str, Any]:
    """A batch function (list of examples -> batch) wrapping ChatCollator."""
    return ChatCollator(tokenizer)(examples)


def not_a_collator(examples: list[dict[str, Any]]) -> str:
    return "nope"
