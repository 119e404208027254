from transformers import AutoTokenizer

BASE = "meta-llama/Llama-3.2-1B-Instruct"


def make_tokenizer(name=BASE):
    tokenizer = AutoTokenizer.from_pretrained(name)
    tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def make_tokenizer_with_pad(name=BASE):
    tokenizer = AutoTokenizer.from_pretrained(name)
    tokenizer.add_special_tokens({"pad_token": "<|finetune_pad|>"})
    return tokenizer
