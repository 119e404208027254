# The twins: a helper that takes the template's BOS off the prompt it is given before it tokenizes it (a rebinding
# on the path where the text starts with it); a helper that always rebinds the prompt to a text of its own.
from transformers import AutoTokenizer

_tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def generate_tokens(prompt, max_tokens=256):
    if _tokenizer.bos_token and prompt.startswith(_tokenizer.bos_token):
        prompt = prompt[len(_tokenizer.bos_token) :]
    return _tokenizer.encode(prompt)[:max_tokens]


def summarize_tokens(prompt):
    prompt = f"Summarize:\n{prompt.splitlines()[-1]}"
    return _tokenizer.encode(prompt)


def chat(messages):
    prompt = _tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return generate_tokens(prompt, 128), summarize_tokens(prompt)
