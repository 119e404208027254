# The twins: chunks tokenized without special tokens, helpers named for chunking that yield something else than
# lists of their items' texts (a count, slices of another iterator), and a classmethod whose record holds the user's
# message, not a render.
import itertools
from dataclasses import dataclass

from vllm import LLM

CHECKPOINT = "meta-llama/Llama-3.1-8B-Instruct"


def batched(items, size):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def chunks(items, size):
    yield len(list(items)) // size


def chunked(items, size):
    iterator = iter(range(size))
    while chunk := list(itertools.islice(iterator, 2)):
        yield chunk


@dataclass
class Prompt:
    text: str

    @classmethod
    def from_user(cls, message):
        return cls(text=message["content"])


def encode_all(tokenizer, conversations):
    prompts = [tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
    for chunk in batched(prompts, 8):
        yield tokenizer(chunk, padding=True, add_special_tokens=False)
    for count in chunks(prompts, 8):
        yield tokenizer(str(count))
    for numbers in chunked(prompts, 8):
        yield tokenizer(str(numbers))


def complete(message):
    prompt = Prompt.from_user(message)
    return LLM(model=CHECKPOINT).generate([prompt.text])
