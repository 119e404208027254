from .backends import ModelBackend


class Harness:
    def __init__(self, backend: ModelBackend, tokenizer):
        self.backend = backend
        self.tokenizer = tokenizer

    def answer(self, question):
        messages = [{"role": "user", "content": question}]
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.backend.generate(prompt, max_new_tokens=128)  # expect: CL002 "through the helper `ModelBackend.generate` (evalkit/backends.py:20)"

    def budget(self, question):
        messages = [{"role": "user", "content": question}]
        return self.backend.count(self.tokenizer.apply_chat_template(messages, tokenize=False))
