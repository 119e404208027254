# The instance's renders tokenized again with special tokens on: a second BOS; the twin turns them off.
from functools import partial

from evalkit.templating import render_chat


def encode_questions(tokenizer, questions, max_length):
    prompts = [render_chat(tokenizer, [{"role": "user", "content": q}]) for q in questions]
    tokenize = partial(tokenizer, truncation=True, padding="max_length")
    return tokenize(prompts, max_length=max_length)  # expect: CL002 "returned by `render_chat`"


def encode_questions_plain(tokenizer, questions, max_length):
    prompts = [render_chat(tokenizer, [{"role": "user", "content": q}]) for q in questions]
    return tokenizer(prompts, max_length=max_length, truncation=True, add_special_tokens=False)
