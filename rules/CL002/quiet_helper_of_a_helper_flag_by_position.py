# The twin of flag_helper_of_a_helper_flag_by_position.py: the call passes the flag the helper hands on by position
# to its own helper, off exactly when the text is a render (`add_special_tokens=not templated`), or off outright.
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
        templated = bool(getattr(self._tokenizer, "chat_template", None))
        if templated:
            text = self._tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        else:
            text = "\n".join(f"{m['role']}: {m['content']}" for m in messages)
        return self.generate(text, max_tokens=128, add_special_tokens=not templated)

    def chat_off(self, messages):
        text = self._tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.generate(text, add_special_tokens=False)
