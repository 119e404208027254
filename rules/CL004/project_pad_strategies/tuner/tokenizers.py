from transformers import AutoTokenizer


def _reuse_eos(tok):
    tok.pad_token = tok.eos_token


def _reuse_unk(tok):
    tok.pad_token = tok.unk_token


PADDING_CHOICES = {"eos": _reuse_eos, "unk": _reuse_unk}


def build_tokenizer(args):
    tok = AutoTokenizer.from_pretrained(args.model)
    if tok.pad_token is None:
        PADDING_CHOICES[args.padding](tok)
    return tok
