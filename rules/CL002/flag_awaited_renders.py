# Renders made by a coroutine and awaited (`prompt = await self._chat_prompt(messages)`): the text the coroutine
# returns reaches vLLM's async engine, directly or through an async generator of the class, which adds a second BOS.
import uuid

from vllm import AsyncEngineArgs, AsyncLLMEngine, SamplingParams


class StreamingServer:
    def __init__(self, model: str):
        self.model = model
        self._engine = None

    def load(self):
        self._engine = AsyncLLMEngine.from_engine_args(AsyncEngineArgs(model=self.model))

    async def _chat_prompt(self, messages):
        tokenizer = await self._engine.get_tokenizer()
        return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    async def stream(self, prompt, max_tokens=256):
        params = SamplingParams(max_tokens=max_tokens)
        async for output in self._engine.generate(prompt, params, request_id=uuid.uuid4().hex):
            yield output.outputs[0].text

    async def chat_stream(self, messages):
        prompt = await self._chat_prompt(messages)
        async for piece in self.stream(prompt):  # expect: CL002 "the wrapper `StreamingServer._chat_prompt`"
            yield piece

    async def chat(self, messages):
        prompt = await self._chat_prompt(messages)
        final = None
        async for output in self._engine.generate(prompt, SamplingParams(), request_id="chat"):  # expect: CL002 "vLLM's `AsyncLLMEngine.generate`"
            final = output
        return final.outputs[0].text
