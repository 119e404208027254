# fix: unsafe
# A rendered prompt tokenized again in a worker thread: `asyncio.to_thread` and an executor's `submit` hand their
# keywords on to the function they run, so the fix adds `add_special_tokens=False` to the call as written;
# `loop.run_in_executor` takes none for it, so that call gets no fix (the finding stays, to be fixed by hand).
import asyncio


def render(tokenizer, question):
    return tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)


async def encode(tokenizer, question):
    prompt = render(tokenizer, question)
    return await asyncio.to_thread(tokenizer, prompt, return_tensors="pt")


def encode_in_pool(executor, tokenizer, question):
    prompt = render(tokenizer, question)
    return executor.submit(tokenizer.encode, prompt).result()


async def encode_in_loop(tokenizer, question):
    prompt = render(tokenizer, question)
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, tokenizer.encode, prompt)
