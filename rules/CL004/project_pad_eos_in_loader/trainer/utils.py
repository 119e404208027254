# The tokenizer loader of the project: it makes padding the EOS token when the model has no pad token (Llama 3
# has none). Nothing here masks labels; the modules that train with what it returns do.
from transformers import AutoTokenizer


def get_tokenizer(config):
    tokenizer = AutoTokenizer.from_pretrained(config.model)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def get_generation_tokenizer(config):
    tokenizer = AutoTokenizer.from_pretrained(config.model, padding_side="left")
    tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def get_padded_tokenizer(config):
    tokenizer = AutoTokenizer.from_pretrained(config.model)
    tokenizer.add_special_tokens({"pad_token": "<|pad|>"})
    return tokenizer
