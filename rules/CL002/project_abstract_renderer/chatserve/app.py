# An OpenAI-style server on vLLM's async engine. The formatter is built on first use from the engine's tokenizer; the
# completions endpoint hands the engine the formatted text, the token-ids endpoint tokenizes it without special
# tokens first.
import os
import uuid

from fastapi import FastAPI
from vllm import AsyncEngineArgs, AsyncLLMEngine, SamplingParams
from vllm.inputs import TokensPrompt

from .prompts import PromptFormatter, build_formatter

MODEL = os.environ.get("MODEL", "meta-llama/Llama-3.1-8B-Instruct")
engine = AsyncLLMEngine.from_engine_args(AsyncEngineArgs(model=MODEL))
app = FastAPI()
_formatter: PromptFormatter | None = None


async def get_formatter() -> PromptFormatter:
    global _formatter
    if _formatter is None:
        _formatter = build_formatter(os.environ.get("PROMPT_FORMAT", "chat"), await engine.get_tokenizer())
    return _formatter


@app.post("/v1/chat/completions")
async def chat_completions(request: dict) -> dict:
    formatter = await get_formatter()
    prompt = formatter.format(request["messages"])
    final = None
    async for output in engine.generate(prompt, SamplingParams(max_tokens=256), uuid.uuid4().hex):  # expect: CL002 "the wrapper `PromptFormatter.format`"
        final = output
    return {"choices": [{"message": {"role": "assistant", "content": final.outputs[0].text}}]}


@app.post("/v1/chat/token_ids")
async def chat_token_ids(request: dict) -> dict:
    formatter = await get_formatter()
    tokenizer = await engine.get_tokenizer()
    ids = tokenizer(formatter.format(request["messages"]), add_special_tokens=False)["input_ids"]
    final = None
    async for output in engine.generate(TokensPrompt(prompt_token_ids=ids), SamplingParams(max_tokens=256), uuid.uuid4().hex):
        final = output
    return {"token_ids": list(final.outputs[0].token_ids)}
