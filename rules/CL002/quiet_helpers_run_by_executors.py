# The twins: the executor runs a helper that turns special tokens off, or hands it text that was never rendered.
from concurrent.futures import ThreadPoolExecutor


def render(tokenizer, question):
    messages = [{"role": "user", "content": question}]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def encode(tokenizer, prompt: str):
    return tokenizer(prompt, add_special_tokens=False)["input_ids"]


def encode_plain(tokenizer, text: str):
    return tokenizer(text)["input_ids"]


def run(tokenizer, questions, documents):
    prompts = [render(tokenizer, question) for question in questions]
    with ThreadPoolExecutor(max_workers=8) as pool:
        rendered = [pool.submit(encode, tokenizer, prompt) for prompt in prompts]
        plain = [pool.submit(encode_plain, tokenizer, document) for document in documents]
    return [f.result() for f in rendered], [f.result() for f in plain]


async def serve(tokenizer, question, document):
    from fastapi.concurrency import run_in_threadpool

    prompt = render(tokenizer, question)
    return await run_in_threadpool(encode, tokenizer, prompt), await run_in_threadpool(encode_plain, tokenizer, document)
