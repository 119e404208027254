# The rendered chat prompt reaches the engine's tokenizer with special tokens on: a second BOS (the finding); the
# engine's `generate_ids` turns them off.
from server.engine import Engine


class ChatServing:
    def __init__(self, engine: Engine, tokenizer):
        self.engine = engine
        self.tokenizer = tokenizer

    def _format(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    async def chat(self, messages):
        prompt = self._format(messages)
        return await self.engine.generate_async(prompt, max_tokens=512)  # expect: CL002 "through the helper `Engine.generate_async`"

    def chat_ids(self, messages):
        return self.engine.generate_ids(self._format(messages))
