"""The serving loop: renders each request with the tokenizer the executor loaded."""


class Engine:
    def __init__(self, executor):
        self.tokenizer = executor.modules["tokenizer"]
        self.model = executor.modules["model"]

    def prefill(self, messages):
        ids = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True)
        return self.model.prefill(ids[-4096:]), len(ids)
