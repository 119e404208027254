# Prompts kept when they fit: the ids of `encode_plain` are a BatchEncoding under transformers 5 (its length is its
# number of keys); those of `encode_conversation` are what the shared keywords make them, not judged.
from .prompts import encode_conversation, encode_plain


def fitting(tokenizer, conversations, limit, extras=None):
    kept = []
    for conversation in conversations:
        ids = encode_conversation(tokenizer, conversation, extras)
        if len(ids) > limit:
            continue
        kept.append(ids)
    return kept


def longest(tokenizer, conversations):
    return max(len(encode_plain(tokenizer, c)) for c in conversations)  # expect: CL005 "through the wrapper `encode_plain`"
