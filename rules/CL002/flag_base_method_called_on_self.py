# An evaluation harness: a chat decoder renders each prompt and hands it to its base class's method, called through
# the class (`HfDecoder.codegen(self, prompt)`) or through `super()`; that method tokenizes it with special tokens
# on, a second BOS for a model whose template writes one (the harness takes any checkpoint).
from transformers import AutoTokenizer


def make_chat_prompt(prompt, tokenizer):
    return tokenizer.apply_chat_template([{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True)


class HfDecoder:
    def __init__(self, name):
        self.tokenizer = AutoTokenizer.from_pretrained(name)

    def codegen(self, prompt, max_new_tokens=512):
        return self.tokenizer.encode(prompt, return_tensors="pt")[:, -max_new_tokens:]


class ChatHfDecoder(HfDecoder):
    def codegen(self, prompt, max_new_tokens=512):
        prompt = make_chat_prompt(prompt, self.tokenizer)
        return HfDecoder.codegen(self, prompt, max_new_tokens)  # expect: CL002 "returned by `make_chat_prompt`"


class ChatHfDecoderWithSuper(HfDecoder):
    def codegen(self, prompt, max_new_tokens=512):
        return super().codegen(make_chat_prompt(prompt, self.tokenizer), max_new_tokens)  # expect: CL002 "returned by `make_chat_prompt`"
