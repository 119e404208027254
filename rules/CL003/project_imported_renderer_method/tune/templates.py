# Renders conversations to token ids.
from typing import Dict, List


class ChatRenderer:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def encode(self, messages: List[Dict[str, str]], add_generation_prompt: bool = False) -> List[int]:
        return self.tokenizer.apply_chat_template(messages, tokenize=True, add_generation_prompt=add_generation_prompt)
