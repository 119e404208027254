# The tokenizer comes from a loader of another module that always loads a ChatML checkpoint: no BOS is written.
from loading import get_reward_tokenizer
from prompts import build_prompt


def encode(rows):
    tokenizer = get_reward_tokenizer()
    return [tokenizer(build_prompt(tokenizer, row)) for row in rows]
