# Renders that reach a tokenizer through a closure (a streaming generator reads the prompt its handler rendered), an
# executor (`asyncio.to_thread(self.llm.generate, prompt, params)` runs the engine's `generate`), or an alias of
# `self` that route handlers defined in a method use (`server = self`).
import asyncio

from fastapi import FastAPI
from vllm import LLM, SamplingParams


def create_app(llm, tokenizer):
    app = FastAPI()

    def build_prompt(messages):
        return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    @app.post("/v1/chat/completions")
    def chat(request: dict):
        prompt = build_prompt(request["messages"])
        params = SamplingParams(max_tokens=request.get("max_tokens", 256))

        def stream():
            outputs = llm.generate([prompt], params)  # expect: CL002 "rendered by `build_prompt(..., tokenize=False)`"
            yield from (output.outputs[0].text for output in outputs)

        return stream()

    return app


class AsyncChat:
    def __init__(self, model_name):
        self.llm = LLM(model=model_name)
        self.tokenizer = self.llm.get_tokenizer()

    def render(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    async def reply(self, messages):
        prompt = self.render(messages)
        outputs = await asyncio.to_thread(self.llm.generate, prompt, SamplingParams(max_tokens=128))  # expect: CL002 "rendered by `self.render(..., tokenize=False)`"
        return outputs[0].outputs[0].text


class ChatServer:
    def __init__(self, model, tokenizer):
        self.model = model
        self.tokenizer = tokenizer

    def build_prompt(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def generate(self, prompt, max_new_tokens=256):
        inputs = self.tokenizer(prompt, return_tensors="pt")
        return self.model.generate(**inputs, max_new_tokens=max_new_tokens)

    def create_app(self):
        app = FastAPI()
        server = self

        @app.post("/chat")
        def chat(request: dict):
            prompt = server.build_prompt(request["messages"])
            return server.generate(prompt)  # expect: CL002 "through the helper `ChatServer.generate`"

        return app
