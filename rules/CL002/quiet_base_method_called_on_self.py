# The twin of flag_base_method_called_on_self.py: the base class's method tokenizes without special tokens, and a
# method of another class called with `self` is no base class's: nothing is followed into it.
from transformers import AutoTokenizer


def make_chat_prompt(prompt, tokenizer):
    return tokenizer.apply_chat_template([{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True)


class HfDecoder:
    def __init__(self, name):
        self.tokenizer = AutoTokenizer.from_pretrained(name)

    def codegen(self, prompt):
        return self.tokenizer.encode(prompt, add_special_tokens=False, return_tensors="pt")


class Logger:
    def record(self, prompt):
        return len(prompt)


class ChatHfDecoder(HfDecoder):
    def codegen(self, prompt):
        prompt = make_chat_prompt(prompt, self.tokenizer)
        Logger.record(self, prompt)
        return HfDecoder.codegen(self, prompt)
