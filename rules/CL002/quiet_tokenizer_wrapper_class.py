# The project's own tokenizer class wraps the transformers tokenizer, and its `encode` turns special tokens off: the
# dataset that tokenizes the rendered text with it (`self.tokenizer.encode(text)`, `tokenizer: ChatTokenizer`) adds
# no second BOS. (`encode` here is the class's method, not a transformers tokenizer's.)
import json

from transformers import AutoTokenizer


class ChatTokenizer:
    def __init__(self, model_id: str) -> None:
        self.hf = AutoTokenizer.from_pretrained(model_id)

    def apply_chat_template(self, messages, add_generation_prompt: bool = False) -> str:
        return self.hf.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)

    def encode(self, text: str) -> list[int]:
        return self.hf.encode(text, add_special_tokens=False)


class ConversationDataset:
    def __init__(self, path: str, tokenizer: ChatTokenizer, max_length: int) -> None:
        with open(path) as handle:
            self.conversations = [json.loads(line)["messages"] for line in handle if line.strip()]
        self.tokenizer = tokenizer
        self.max_length = max_length

    def __getitem__(self, index: int) -> list[int]:
        text = self.tokenizer.apply_chat_template(self.conversations[index])
        return self.tokenizer.encode(text)[: self.max_length]
