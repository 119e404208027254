from .base import ChatBackend


class HFBackend(ChatBackend):
    def __init__(self, tokenizer, model):
        super().__init__(tokenizer)
        self.model = model

    async def generate(self, prompt, max_tokens=256):
        inputs = self.tokenizer(prompt, return_tensors="pt")
        return self.model.generate(**inputs, max_new_tokens=max_tokens)
