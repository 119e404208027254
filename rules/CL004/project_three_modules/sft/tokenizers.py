from transformers import AutoTokenizer


def load_tokenizer(checkpoint: str):
    tok = AutoTokenizer.from_pretrained(checkpoint)
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token
    return tok


def load_tokenizer_with_pad(checkpoint: str):
    tok = AutoTokenizer.from_pretrained(checkpoint)
    tok.add_special_tokens({"pad_token": "<|pad|>"})
    return tok
