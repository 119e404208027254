# A helper whose flag parameter goes on to a helper of its own by position (`self._encode(prompt, max_tokens,
# add_special_tokens)`, which tokenizes with `add_special_tokens=add_special_tokens`): a call that leaves the flag to
# its default (True) doubles the BOS of a render.
from transformers import AutoTokenizer


class Streamer:
    def __init__(self, name):
        self._tokenizer = AutoTokenizer.from_pretrained(name)

    def _encode(self, prompt, max_tokens, add_special_tokens=True):
        return self._tokenizer(prompt, return_tensors="pt", add_special_tokens=add_special_tokens), max_tokens

    def generate(self, prompt, max_tokens=256, add_special_tokens=True):
        inputs, max_tokens = self._encode(prompt, max_tokens, add_special_tokens)
        return inputs["input_ids"], max_tokens

    def chat(self, messages):
        text = self._tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.generate(text, max_tokens=128)  # expect: CL002 "through the helper"
