# versions: transformers>=4.40; mlx-lm>=0.32
# A module of an MLX project that loads a Hugging Face tokenizer itself gets a plain one, not mlx-lm's wrapper.
from transformers import AutoTokenizer


def inspect(path, messages):
    tokenizer = AutoTokenizer.from_pretrained(path)
    return len(tokenizer.apply_chat_template(messages))  # expect: CL005 "`len(tokenizer.apply_chat_template(messages))`"
