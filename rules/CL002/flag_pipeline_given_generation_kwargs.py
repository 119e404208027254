# A text-generation pipeline given a render with a dict of generation settings the caller's `**kwargs` are merged
# into: read as generation settings, the special tokens stay on and the render's BOS is doubled (the fix is unsafe: a
# caller could still pass the flag through them).
from transformers import AutoTokenizer, pipeline

MODEL = "meta-llama/Llama-3.1-8B-Instruct"


class Evaluator:
    def __init__(self):
        self.tokenizer = AutoTokenizer.from_pretrained(MODEL)
        self.pipe = pipeline("text-generation", model=MODEL, tokenizer=self.tokenizer)

    def generate_text(self, prompt, temperature=0.7, **kwargs):
        settings = {"temperature": temperature, "do_sample": temperature > 0, **kwargs}
        settings = {key: value for key, value in settings.items() if value is not None}
        return self.pipe(prompt, **settings)

    def chat(self, messages, **kwargs):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.generate_text(prompt, **kwargs)  # expect: CL002 "through the helper"

    def complete(self, messages, **kwargs):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        settings = {"max_new_tokens": 256, **kwargs}
        return self.pipe(prompt, **settings)  # expect: CL002 "`prompt` is rendered"
