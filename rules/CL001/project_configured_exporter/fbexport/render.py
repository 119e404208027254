# A renderer called as a function: its `__call__` renders with the generation prompt.
from transformers import AutoTokenizer


class ChatRenderer:
    def __init__(self, model_id):
        self.tokenizer = AutoTokenizer.from_pretrained(model_id)

    def __call__(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
