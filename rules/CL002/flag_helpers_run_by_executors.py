# Helpers run by an executor with their arguments (`pool.submit(send, args, prompt)`, `asyncio.to_thread(...)`,
# FastAPI's `run_in_threadpool(...)`, anyio's `to_thread.run_sync(...)`): the rendered prompt reaches SGLang's `/generate` (or the tokenizer) as if the helper were called directly.
import asyncio
from concurrent.futures import ThreadPoolExecutor

import anyio
import requests
from fastapi.concurrency import run_in_threadpool


def render(tokenizer, question):
    messages = [{"role": "user", "content": question}]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def send(args, prompt: str) -> dict:
    response = requests.post(args.base_url + "/generate", json={"text": prompt, "sampling_params": {"max_new_tokens": 64}})
    return response.json()


def encode(tokenizer, prompt: str) -> list[int]:
    return tokenizer(prompt)["input_ids"]


def run(args, tokenizer, questions):
    prompts = [render(tokenizer, question) for question in questions]
    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(send, args, prompt) for prompt in prompts]  # expect: CL002 "through the helper `send`"
    return [future.result() for future in futures]


async def encode_all(tokenizer, questions):
    prompts = [render(tokenizer, question) for question in questions]
    return [await asyncio.to_thread(encode, tokenizer, prompt) for prompt in prompts]  # expect: CL002 "through the helper `encode`"


async def serve(tokenizer, question):
    prompt = render(tokenizer, question)
    ids = await run_in_threadpool(encode, tokenizer, prompt)  # expect: CL002 "through the helper `encode`"
    return ids, await anyio.to_thread.run_sync(encode, tokenizer, prompt)  # expect: CL002 "through the helper `encode`"
