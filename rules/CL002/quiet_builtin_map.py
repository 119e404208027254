# The builtin `map` runs its function on each item: rendered texts mapped through a tokenizer call with special
# tokens off, and plain texts mapped through the tokenizer, hold one BOS each.
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def encode_all(conversations):
    texts = [tokenizer.apply_chat_template(c, tokenize=False) for c in conversations]
    return list(map(lambda text: tokenizer(text, add_special_tokens=False), texts))


def encode_documents(documents):
    return list(map(tokenizer, [document["text"] for document in documents]))
