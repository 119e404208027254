# The twins: the awaited render is tokenized with special tokens off and handed to the engine as ids, and an awaited
# coroutine that returns the user's plain text is no render.
import uuid

from vllm import AsyncEngineArgs, AsyncLLMEngine, SamplingParams
from vllm.inputs import TokensPrompt


class StreamingServer:
    def __init__(self, model: str):
        self.model = model
        self._engine = None

    def load(self):
        self._engine = AsyncLLMEngine.from_engine_args(AsyncEngineArgs(model=self.model))

    async def _chat_ids(self, messages):
        tokenizer = await self._engine.get_tokenizer()
        text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return tokenizer(text, add_special_tokens=False)["input_ids"]

    async def _plain_prompt(self, messages):
        return "\n".join(message["content"] for message in messages)

    async def chat(self, messages):
        ids = await self._chat_ids(messages)
        async for output in self._engine.generate(TokensPrompt(prompt_token_ids=ids), SamplingParams(), request_id="chat"):
            yield output.outputs[0].text

    async def complete(self, messages):
        prompt = await self._plain_prompt(messages)
        async for output in self._engine.generate(prompt, SamplingParams(), request_id=uuid.uuid4().hex):
            yield output.outputs[0].text
