# The project's tokenizer loaders: the first makes padding the EOS token (Llama 3 has no pad token), the second
# gives the tokenizer a pad token of its own.
from transformers import AutoTokenizer


def load_tokenizer(name="meta-llama/Llama-3.1-8B-Instruct"):
    tok = AutoTokenizer.from_pretrained(name)
    if tok.pad_token is None:
        tok.pad_token = tok.eos_token
    return tok


def load_padded_tokenizer(name="meta-llama/Llama-3.1-8B-Instruct"):
    tok = AutoTokenizer.from_pretrained(name)
    tok.add_special_tokens({"pad_token": "<|finetune_right_pad_id|>"})
    return tok
