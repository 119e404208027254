# Two renders tokenized alike, each with the same extra BOS, only to take the difference of their lengths (where the
# system prompt ends): the extra BOS cancels out, and no ids are kept.
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def system_prompt_tokens(messages):
    full = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    rest = [message for message in messages if message["role"] != "system"]
    without_system = tokenizer.apply_chat_template(rest, tokenize=False, add_generation_prompt=True)
    full_tokens = len(tokenizer.encode(full))
    rest_tokens = len(tokenizer.encode(without_system))
    return full_tokens - rest_tokens
