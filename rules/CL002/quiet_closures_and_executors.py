# The twins of flag_closures_and_executors.py: the streaming generator reads ids tokenized without special tokens,
# the executor runs the engine on token ids, and the helper the aliased `self` calls tokenizes without them; a
# generator defined in a function that rebinds the name to plain text reads that.
import asyncio

from fastapi import FastAPI
from vllm import LLM, SamplingParams
from vllm.inputs import TokensPrompt


def create_app(llm, tokenizer):
    app = FastAPI()

    def build_prompt(messages):
        return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    @app.post("/v1/chat/completions")
    def chat(request: dict):
        ids = tokenizer(build_prompt(request["messages"]), add_special_tokens=False)["input_ids"]
        params = SamplingParams(max_tokens=256)

        def stream():
            yield from llm.generate(TokensPrompt(prompt_token_ids=ids), params)

        return stream()

    @app.post("/v1/completions")
    def complete(request: dict):
        prompt = build_prompt(request["messages"])
        prompt = request.get("raw_prompt", "")
        params = SamplingParams(max_tokens=64)

        def stream():
            yield from llm.generate([prompt], params)

        return stream()

    return app


class AsyncChat:
    def __init__(self, model_name):
        self.llm = LLM(model=model_name)
        self.tokenizer = self.llm.get_tokenizer()

    async def reply(self, messages):
        ids = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
        prompt = TokensPrompt(prompt_token_ids=ids)
        outputs = await asyncio.to_thread(self.llm.generate, prompt, SamplingParams(max_tokens=128))
        return outputs[0].outputs[0].text


class ChatServer:
    def __init__(self, model, tokenizer):
        self.model = model
        self.tokenizer = tokenizer

    def build_prompt(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def generate(self, prompt, max_new_tokens=256):
        inputs = self.tokenizer(prompt, add_special_tokens=False, return_tensors="pt")
        return self.model.generate(**inputs, max_new_tokens=max_new_tokens)

    def create_app(self):
        app = FastAPI()
        server = self

        @app.post("/chat")
        def chat(request: dict):
            return server.generate(server.build_prompt(request["messages"]))

        return app
