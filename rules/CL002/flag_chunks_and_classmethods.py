# Rendered prompts cut into lists of consecutive items (`itertools.batched`, or a generator of the module named for
# it) and tokenized a list at a time; a record built by a classmethod (`cls(text=text)`) whose field holds a render.
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


def chunked(items, size):
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


@dataclass
class Prompt:
    text: str

    @classmethod
    def build(cls, tokenizer, messages):
        return cls(text=tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True))


def encode_all(tokenizer, conversations):
    prompts = (tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations)
    for chunk in batched(prompts, 8):
        yield tokenizer(chunk, padding=True, return_tensors="pt")  # expect: CL002 "`chunk` holds texts rendered by"


def encode_all_standard(tokenizer, conversations):
    prompts = [tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
    return [tokenizer(list(chunk), padding=True) for chunk in itertools.batched(prompts, 8)]  # expect: CL002 "`list(chunk)` holds texts rendered by"


def encode_all_sliced(tokenizer, conversations):
    prompts = [tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
    return [tokenizer(chunk, padding=True) for chunk in chunked(prompts, 8)]  # expect: CL002 "`chunk` holds texts rendered by"


def complete(tokenizer, messages):
    prompt = Prompt.build(tokenizer, messages)
    return LLM(model=CHECKPOINT).generate([prompt.text])  # expect: CL002 "stored in `Prompt.text`"
