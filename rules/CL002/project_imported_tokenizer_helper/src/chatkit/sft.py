# Rendered text handed to a helper of another module that tokenizes it again with special tokens: a second BOS.
from .tokenization import encode


def build_example(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    input_ids = encode(tokenizer, text)  # expect: CL002 "through the helper `encode` (src/chatkit/tokenization.py:6)"
    return {"input_ids": input_ids, "labels": list(input_ids)}
