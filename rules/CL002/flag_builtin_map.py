# The builtin `map` runs its function on each item: rendered texts mapped through the tokenizer (or a lambda that
# calls it) are tokenized with special tokens on, and a render helper mapped over rows gives texts an engine
# tokenizes again.
from functools import partial

from transformers import AutoTokenizer
from vllm import LLM

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def render(row):
    return tokenizer.apply_chat_template(row["messages"], tokenize=False, add_generation_prompt=True)


def encode_all(conversations):
    texts = [tokenizer.apply_chat_template(c, tokenize=False) for c in conversations]
    return list(map(tokenizer, texts))  # expect: CL002 "`texts` is rendered by"


def encode_truncated(conversations):
    texts = [tokenizer.apply_chat_template(c, tokenize=False) for c in conversations]
    return list(map(lambda text: tokenizer(text, truncation=True), texts))  # expect: CL002 "`text` is rendered by"


def generate(rows):
    prompts = list(map(render, rows))
    return LLM("meta-llama/Llama-3.1-8B-Instruct").generate(prompts)  # expect: CL002 "`prompts` holds texts"
