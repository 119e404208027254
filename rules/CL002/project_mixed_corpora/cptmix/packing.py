# Documents tokenized and closed with a separator, then cut into blocks.
from itertools import chain


def tokenize_documents(batch, tokenizer, separator_id):
    encoded = tokenizer(batch["text"])
    return {"input_ids": [ids + [separator_id] for ids in encoded["input_ids"]]}


def tokenize_rendered(batch, tokenizer, separator_id):
    encoded = tokenizer(batch["text"], add_special_tokens=False)
    return {"input_ids": [[tokenizer.bos_token_id, *ids, separator_id] for ids in encoded["input_ids"]]}


def group_into_blocks(batch, block_size):
    stream = list(chain.from_iterable(batch["input_ids"]))
    usable = len(stream) // block_size * block_size
    blocks = [stream[i : i + block_size] for i in range(0, usable, block_size)]
    return {"input_ids": blocks, "labels": [list(block) for block in blocks]}
