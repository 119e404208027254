from transformers import AutoTokenizer


def _ensure_pad(tok):
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token
    return tok


def load_tokenizer(checkpoint: str):
    tok = AutoTokenizer.from_pretrained(checkpoint)
    tok = _ensure_pad(tok)
    tok.padding_side = "right"
    return tok


def load_tokenizer_with_pad(checkpoint: str):
    tok = AutoTokenizer.from_pretrained(checkpoint)
    tok.add_special_tokens({"pad_token": "<|pad|>"})
    return tok


def load_checkpoint(checkpoint: str):
    from transformers import AutoModelForCausalLM

    return AutoModelForCausalLM.from_pretrained(checkpoint), load_tokenizer(checkpoint)


def load_checkpoint_with_pad(checkpoint: str):
    from transformers import AutoModelForCausalLM

    return AutoModelForCausalLM.from_pretrained(checkpoint), load_tokenizer_with_pad(checkpoint)
