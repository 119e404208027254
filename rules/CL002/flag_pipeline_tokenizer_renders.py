# A pipeline known only by what renders with its tokenizer (`pipe.tokenizer.apply_chat_template(...)`, or a local
# name for that tokenizer), from a factory of the project: calling the pipeline on the rendered text tokenizes it
# again with special tokens on, also when an executor runs it (`asyncio.to_thread(functools.partial(pipe, text))`),
# when the tokenizer is read with `getattr(pipe, "tokenizer", None)`, and when a closure calls the pipeline (with
# generation settings of the function around it).
import asyncio
import functools
import threading

from serving.loading import get_local_pipeline


def answer(model_name, messages):
    pipe = get_local_pipeline(model_name)
    text = pipe.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return pipe(text, max_new_tokens=256)[0]["generated_text"]  # expect: CL002 "`text` is rendered by `pipe.tokenizer.apply_chat_template(..., tokenize=False)`"


def answer_aliased(model_name, messages):
    pipe = get_local_pipeline(model_name)
    tok = pipe.tokenizer
    prompt = tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return pipe(prompt, return_full_text=False)  # expect: CL002 "`prompt` is rendered by `tok.apply_chat_template(..., tokenize=False)`"


async def answer_async(pipe, messages):
    prompt = pipe.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return await asyncio.to_thread(functools.partial(pipe, prompt, max_new_tokens=64))  # expect: CL002 "`prompt` is rendered by"


class Runtime:
    def __init__(self):
        self._pipes = {}

    def predict(self, handle, messages):
        pipe = self._pipes[handle]["pipe"]
        tokenizer = getattr(pipe, "tokenizer", None)
        prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        gen_kw = {"max_new_tokens": 256}
        return pipe(prompt, **gen_kw)  # expect: CL002 "`prompt` is rendered by `tokenizer.apply_chat_template(..., tokenize=False)`"

    def stream(self, handle, messages):
        pipe = self._pipes[handle]["pipe"]
        tokenizer = getattr(pipe, "tokenizer", None)
        prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        gen_kw = {"max_new_tokens": 256}
        gen_kw["streamer"] = self.streamer

        def _generate():
            pipe(prompt, **gen_kw)  # expect: CL002 "`prompt` is rendered by"

        threading.Thread(target=_generate).start()
