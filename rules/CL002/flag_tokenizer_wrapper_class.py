# The twin of quiet_tokenizer_wrapper_class.py whose wrapper's `encode` keeps special tokens on
# (`self.hf(text)["input_ids"]`): the rendered text gets a second BOS, through the class's method.
import json

from transformers import AutoTokenizer


class LegacyTokenizer:
    def __init__(self, model_id: str) -> None:
        self.hf = AutoTokenizer.from_pretrained(model_id)

    def apply_chat_template(self, messages, add_generation_prompt: bool = False) -> str:
        return self.hf.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)

    def encode(self, text: str) -> list[int]:
        return self.hf(text)["input_ids"]


class ConversationDataset:
    def __init__(self, path: str, tokenizer: LegacyTokenizer, max_length: int) -> None:
        with open(path) as handle:
            self.conversations = [json.loads(line)["messages"] for line in handle if line.strip()]
        self.tokenizer = tokenizer
        self.max_length = max_length

    def __getitem__(self, index: int) -> list[int]:
        text = self.tokenizer.apply_chat_template(self.conversations[index])
        return self.tokenizer.encode(text)[: self.max_length]  # expect: CL002 "for chat templates that begin with one"
