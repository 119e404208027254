from transformers import AutoTokenizer

from packsft.datasets import PackedChats


def build(rows):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
    return PackedChats(rows, tokenizer)
