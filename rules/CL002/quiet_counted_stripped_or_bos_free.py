# Rendered text tokenized again with special tokens, where the second BOS does no harm: the ids are only measured
# against a bound, the BOS is removed by hand first, or the only model loaded has a template without a BOS.
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("Qwen/Qwen3-8B")


def short_enough(example, max_length=4096):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return len(tokenizer(text).input_ids) <= max_length


def without_leading_bos(example):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    if text.startswith(tokenizer.bos_token):
        text = text[len(tokenizer.bos_token) :]
    return tokenizer(text, truncation=True)


def bos_removed(example):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False).removeprefix(tokenizer.bos_token)
    return tokenizer(text, truncation=True)


def qwen_rows(example):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return tokenizer(text, truncation=True, max_length=2048)


def stripped_on_request(example, strip_bos=True):
    # a branch chosen by a switch that names the BOS, not by the model: the code leaves that choice to its caller
    if strip_bos:
        text = tokenizer.apply_chat_template(example["messages"], tokenize=False).replace(tokenizer.bos_token, "")
    else:
        text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return tokenizer(text, truncation=True)
