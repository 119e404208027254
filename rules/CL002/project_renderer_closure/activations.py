# The extractor keeps a renderer another module made and tokenizes its renders with special tokens on: a second
# BOS in every prompt whose activations it reads. The bare renderer's texts start without one.
from transformers import AutoTokenizer

from templating import make_bare_template_fn, make_chat_template_fn


class DirectionExtractor:
    def __init__(self, model_name):
        self.tokenizer = AutoTokenizer.from_pretrained(model_name)
        self._chat_template_fn = make_chat_template_fn(self.tokenizer, add_generation_prompt=True)
        self._bare_fn = make_bare_template_fn(self.tokenizer)

    def prompts(self, message_list):
        return [self._chat_template_fn(messages) for messages in message_list]

    def encode(self, message_list):
        batch = self.prompts(message_list)
        return self.tokenizer(batch, padding=True, return_tensors="pt")  # expect: CL002 "made by `make_chat_template_fn` (templating.py:6)"

    def encode_bare(self, message_list):
        batch = [self._bare_fn(messages) for messages in message_list]
        return self.tokenizer(batch, padding=True, return_tensors="pt")

    def encode_off(self, message_list):
        return self.tokenizer(self.prompts(message_list), add_special_tokens=False, padding=True)
