import torch

from .text import history_tokens, prompt_tokens, rendered_tokens

IGNORE_INDEX = -100


class TurnCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def encode(self, messages):
        text = self.tokenizer.apply_chat_template(messages, tokenize=False)
        input_ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
        labels = [IGNORE_INDEX] * len(input_ids)
        for index, message in enumerate(messages):
            if message["role"] != "assistant":
                continue
            start = history_tokens(self.tokenizer, messages[:index])  # expect: CL003 "through the wrapper `history_tokens` (turns/text/lengths.py:7)"
            end = rendered_tokens(self.tokenizer, messages[: index + 1])
            labels[start:end] = input_ids[start:end]
        return input_ids, labels

    def encode_asked(self, messages):
        text = self.tokenizer.apply_chat_template(messages, tokenize=False)
        input_ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
        labels = [IGNORE_INDEX] * len(input_ids)
        for index, message in enumerate(messages):
            if message["role"] == "assistant":
                start = prompt_tokens(self.tokenizer, messages[:index])
                end = rendered_tokens(self.tokenizer, messages[: index + 1])
                labels[start:end] = input_ids[start:end]
        return input_ids, labels

    def __call__(self, features):
        rows = [self.encode(feature["messages"]) for feature in features]
        return {"input_ids": [torch.tensor(ids) for ids, _ in rows], "labels": [torch.tensor(labels) for _, labels in rows]}
