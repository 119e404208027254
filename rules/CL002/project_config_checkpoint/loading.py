# Tokenizer loaders that always load one checkpoint, named by a constant of the module.
from transformers import AutoTokenizer

REWARD_BASE = "Qwen/Qwen2.5-7B-Instruct"
JUDGE_BASE = "meta-llama/Llama-3.1-8B-Instruct"


def get_reward_tokenizer():
    return AutoTokenizer.from_pretrained(REWARD_BASE)


def get_judge_tokenizer():
    tokenizer = AutoTokenizer.from_pretrained(JUDGE_BASE)
    tokenizer.padding_side = "left"
    return tokenizer
