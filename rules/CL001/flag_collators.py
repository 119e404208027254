# Data collators that render each example's full conversation with the generation prompt.
from dataclasses import dataclass

import torch


class ChatCollator:
    """The bug that started chatlint: every example ends in an empty assistant header."""

    def __init__(self, tokenizer, max_length=2048):
        self.tokenizer = tokenizer
        self.max_length = max_length

    def __call__(self, examples):
        texts = [
            self.tokenizer.apply_chat_template(
                example["messages"], tokenize=False, add_generation_prompt=True  # expect: CL001 'renders `example["messages"]`, which ends with the assistant reply, in `ChatCollator.__call__`'
            )
            for example in examples
        ]
        batch = self.tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
        batch["labels"] = batch["input_ids"].clone()
        return batch


@dataclass
class ChatMLCollator:
    tokenizer: object
    messages_key: str = "messages"
    ignore_index: int = -100

    def __call__(self, examples):
        input_ids, labels = [], []
        for example in examples:
            prompt = example[self.messages_key][:-1]
            prompt_text = self.tokenizer.apply_chat_template(prompt, tokenize=False, add_generation_prompt=True)
            message = example[self.messages_key]
            text = self.tokenizer.apply_chat_template(message, tokenize=False, add_generation_prompt=True)  # expect: CL001 "renders `message` = `example[self.messages_key]`, which ends with the assistant reply"
            ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
            prompt_ids = self.tokenizer(prompt_text, add_special_tokens=False)["input_ids"]
            label = [self.ignore_index] * len(ids)
            label[len(prompt_ids) :] = ids[len(prompt_ids) :]
            input_ids.append(ids)
            labels.append(label)
        return {"input_ids": input_ids, "labels": labels}


class BatchedCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, features):
        conversations = [feature["conversations"] for feature in features]
        encoded = [
            self.tokenizer.apply_chat_template(conversation, add_generation_prompt=True)  # expect: CL001 'renders `conversation`, each of `feature["conversations"]`, which ends with the assistant reply'; CL005 "an item of `encoded`, `ids`: `len(ids)`"
            for conversation in conversations
        ]
        width = max(len(ids) for ids in encoded)
        input_ids = torch.full((len(encoded), width), self.tokenizer.pad_token_id)
        for row, ids in enumerate(encoded):
            input_ids[row, : len(ids)] = torch.tensor(ids)
        return {"input_ids": input_ids, "labels": input_ids.clone()}
