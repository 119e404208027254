# A rendered prompt sent as text to a serving engine's own `/generate` endpoint (SGLang's native API, vLLM's API
# server, TGI, `trl vllm-serve`): the engine tokenizes it with special tokens on.
import aiohttp
import requests


def sample(tokenizer, messages, base_url):
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    response = requests.post(f"{base_url}/generate", json={"text": prompt, "sampling_params": {"max_new_tokens": 64}})  # expect: CL002 "a raw `/generate` request"
    return response.json()["text"]


async def rollout(tokenizer, conversations, base_url):
    url = base_url + "/generate/"
    prompts = [tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
    async with aiohttp.ClientSession() as session:
        async with session.post(url, json={"prompts": prompts, "n": 4}) as response:  # expect: CL002 "`prompts` holds texts"
            return await response.json()


async def complete(tokenizer, messages, base_url, temperature):
    # a request written over several lines: the finding points at the text it sends
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    async with aiohttp.ClientSession() as session:
        async with session.post(
            f"{base_url}/generate/",
            json={
                "prompts": [prompt],  # expect: CL002 "`[prompt]` holds texts"
                "temperature": temperature,
            },
        ) as response:
            return await response.json()
