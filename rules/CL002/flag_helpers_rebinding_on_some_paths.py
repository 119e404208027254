# A generation helper rebinds the prompt it is given on one path only (compressed when a compressor is set), then
# tokenizes it with special tokens on: on the other path the caller's render reaches the tokenizer as given.
from transformers import AutoTokenizer

_tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
_compress = None


def generate_tokens(prompt, max_tokens=256):
    if _compress is not None and len(prompt) > 8000:
        prompt = _compress(prompt)
    input_ids = _tokenizer.encode(prompt)
    return input_ids[:max_tokens]


def chat(messages):
    prompt = _tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return generate_tokens(prompt, 128)  # expect: CL002 "through the helper `generate_tokens`"
