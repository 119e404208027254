# A method that tokenizes its parameter is a helper of its own, also when a function of the module (or a method of
# another class) has the same name: each call reaches the one it names.
from transformers import AutoTokenizer


def complete(tokenizer, prompt):
    return tokenizer(prompt, add_special_tokens=False)


class PlainModel:
    def __init__(self, path):
        self.tokenizer = AutoTokenizer.from_pretrained(path)

    def complete(self, prompt):
        return self.tokenizer(prompt, add_special_tokens=False, return_tensors="pt")

    def chat(self, messages):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.complete(prompt)


class LocalModel:
    def __init__(self, path):
        self.tokenizer = AutoTokenizer.from_pretrained(path)

    def complete(self, prompt):
        return self.tokenizer(prompt, return_tensors="pt")

    def chat(self, messages):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.complete(prompt)  # expect: CL002 "`prompt` is rendered by"
