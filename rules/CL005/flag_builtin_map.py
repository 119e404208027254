# versions: transformers>=4.56
# A render helper mapped over rows with the builtin `map` (bound in a `functools.partial` first): each item is the
# helper's `BatchEncoding`, used as a list of ids.
from functools import partial


def encode_chat(tokenizer, row, system_prompt=""):
    messages = [{"role": "system", "content": system_prompt}, {"role": "user", "content": row["instruction"]}]
    return tokenizer.apply_chat_template(messages, add_generation_prompt=True)  # expect: CL005 "an item of `encoded`"


def prompt_lengths(tokenizer, rows, system_prompt):
    encode = partial(encode_chat, tokenizer, system_prompt=system_prompt)
    encoded = map(encode, rows)
    return [len(ids) for ids in encoded]
