# Helpers that tokenize the text they are given: the first two with special tokens on (the default, or a parameter
# whose default is True), the last with them off. They never see a chat template themselves.


def encode(tok, text, max_length=2048):
    return tok(text, truncation=True, max_length=max_length)["input_ids"]


def encode_with(tok, text, add_special_tokens=True):
    return tok(text, add_special_tokens=add_special_tokens)["input_ids"]


def encode_plain(tok, text):
    return tok(text, add_special_tokens=False)["input_ids"]


def encode_guarded(tok, text, *, add_special_tokens=None):
    # the caller decides; left to None, special tokens are kept unless the text already starts with the BOS
    if add_special_tokens is None:
        add_special_tokens = not text.startswith(tok.bos_token or "\0")
    try:
        return tok.encode(text, add_special_tokens=add_special_tokens)
    except TypeError:
        return tok.encode(text)


def num_tokens(tok, text):
    # a length for a budget: an upper bound that counts the BOS too
    return len(tok(text)["input_ids"])
