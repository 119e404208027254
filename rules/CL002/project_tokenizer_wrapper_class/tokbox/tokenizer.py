"""The tokenizer wrappers every part of tokbox shares."""

from transformers import AutoTokenizer


class ChatTokenizer:
    def __init__(self, model_id: str) -> None:
        self.hf = AutoTokenizer.from_pretrained(model_id)

    def apply_chat_template(self, messages, add_generation_prompt: bool = False) -> str:
        return self.hf.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)

    def encode(self, text: str) -> list[int]:
        return self.hf.encode(text, add_special_tokens=False)


class LegacyTokenizer:
    def __init__(self, model_id: str) -> None:
        self.hf = AutoTokenizer.from_pretrained(model_id)

    def apply_chat_template(self, messages, add_generation_prompt: bool = False) -> str:
        return self.hf.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)

    def encode(self, text: str) -> list[int]:
        return self.hf(text)["input_ids"]
