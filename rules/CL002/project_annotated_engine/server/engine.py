import asyncio
from concurrent.futures import ThreadPoolExecutor


class Engine:
    def __init__(self, model, tokenizer):
        self._model = model
        self._tokenizer = tokenizer
        self._executor = ThreadPoolExecutor(max_workers=2)

    def generate(self, prompt, max_tokens=256):
        input_ids = self._tokenizer.encode(prompt, return_tensors="pt")
        return self._model.generate(input_ids, max_new_tokens=max_tokens)

    def generate_ids(self, prompt, max_tokens=256):
        input_ids = self._tokenizer.encode(prompt, add_special_tokens=False, return_tensors="pt")
        return self._model.generate(input_ids, max_new_tokens=max_tokens)

    async def generate_async(self, prompt, max_tokens=256):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self.generate, prompt, max_tokens)
