# SGLang's engine in an event loop: `async_generate` tokenizes a text prompt with special tokens on, as `generate`.
import sglang as sgl
from transformers import AutoTokenizer


class ChatServer:
    def __init__(self, model_path):
        self.tokenizer = AutoTokenizer.from_pretrained(model_path)
        self.engine = sgl.Engine(model_path=model_path)

    async def chat(self, messages, sampling_params):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        output = await self.engine.async_generate(prompt=prompt, sampling_params=sampling_params)  # expect: CL002 "SGLang's `Engine.generate`"
        return output["text"]

    async def complete(self, text, sampling_params):
        output = await self.engine.async_generate(prompt=text, sampling_params=sampling_params)
        return output["text"]
