# Functions handed to `.map()` that tokenize one column of the row they are given: the first with special tokens on
# (the default), the second as its caller says (on unless told), the last with them off. None of them renders.
from .options import Options


def tokenize(row, tok, opts: Options):
    out = tok(row[opts.text_column], truncation=True, max_length=opts.max_len)
    out["labels"] = out["input_ids"].copy()
    return out


def tokenize_with(row, tok, add_special_tokens=True):
    return tok(row["formatted"], add_special_tokens=add_special_tokens)


def tokenize_plain(row, tok):
    return tok(row["formatted"], add_special_tokens=False)
