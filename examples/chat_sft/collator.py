"""A chat SFT collator with the bug chatlint was started for, and the right way beside it."""

from __future__ import annotations

import torch


class ChatCollator:
    """Tokenizes whole conversations and trains on every token."""

    def __init__(self, tokenizer, max_length: int = 2048):
        self.tokenizer = tokenizer
        self.max_length = max_length

    def __call__(self, examples: list[dict]) -> dict[str, torch.Tensor]:
        texts = [
            self.tokenizer.apply_chat_template(example["messages"], tokenize=False, add_generation_prompt=True)
            for example in examples
        ]
        batch = self.tokenizer(
            texts,
            padding=True,
            truncation=True,
            max_length=self.max_length,
            add_special_tokens=False,
            return_tensors="pt",
        )
        labels = batch["input_ids"].clone()
        labels[batch["attention_mask"] == 0] = -100
        batch["labels"] = labels
        return batch


class AssistantOnlyCollator:
    """Trains on the last reply only: the prompt is rendered *with* the generation prompt, which is right."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, examples: list[dict]) -> dict[str, list[list[int]]]:
        input_ids, labels = [], []
        for example in examples:
            conversation = example["messages"]
            prompt = self.tokenizer.apply_chat_template(conversation[:-1], add_generation_prompt=True, return_dict=False)
            full = self.tokenizer.apply_chat_template(conversation, return_dict=False)
            input_ids.append(full)
            labels.append([-100] * len(prompt) + full[len(prompt) :])
        return {"input_ids": input_ids, "labels": labels}
