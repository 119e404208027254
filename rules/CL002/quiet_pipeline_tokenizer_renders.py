# The twins: the pipeline called with special tokens off (also in generation settings a closure passes), on a text
# that is no render, or an instance of a class the code shows (whose own `__call__` is judged as a class's).
import asyncio
import functools
import threading

from serving.loading import get_local_pipeline


class Answerer:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, text):
        return self.tokenizer(text, add_special_tokens=False)


def answer(model_name, messages):
    pipe = get_local_pipeline(model_name)
    text = pipe.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return pipe(text, max_new_tokens=256, add_special_tokens=False)


def summarize(model_name, document):
    pipe = get_local_pipeline(model_name)
    pipe.tokenizer.apply_chat_template([{"role": "user", "content": "warm-up"}], tokenize=False)
    return pipe(f"Summarize: {document}")


async def answer_async(pipe, messages):
    prompt = pipe.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return await asyncio.to_thread(functools.partial(pipe, prompt, add_special_tokens=False))


def answer_with_class(tokenizer, messages):
    answerer = Answerer(tokenizer)
    text = answerer.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return answerer(text)


class Runtime:
    def __init__(self):
        self._pipes = {}

    def predict(self, handle, messages, document):
        pipe = self._pipes[handle]["pipe"]
        tokenizer = getattr(pipe, "tokenizer", None)
        tokenizer.apply_chat_template(messages, tokenize=False)
        return pipe(f"Summarize: {document}", max_new_tokens=64)

    def stream(self, handle, messages):
        pipe = self._pipes[handle]["pipe"]
        tokenizer = getattr(pipe, "tokenizer", None)
        prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        gen_kw = {"max_new_tokens": 256, "add_special_tokens": False}

        def _generate():
            pipe(prompt, **gen_kw)

        threading.Thread(target=_generate).start()
