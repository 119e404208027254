# Quiet: the tokenizer renders with the project's own template, which writes no BOS: tokenizing the text with
# special tokens on adds the only one.
from transformers import AutoTokenizer

from studio.chat_template import get_chat_template
from studio.rendering import render_chat


def load_tokenizer(base_model, version="v1"):
    tokenizer = AutoTokenizer.from_pretrained(base_model)
    tokenizer.chat_template = get_chat_template(version)
    return tokenizer


def encode_chat(tokenizer, messages, max_length=None):
    text = render_chat(tokenizer, messages)
    kwargs = {"return_tensors": "pt", "truncation": True}
    if max_length is not None:
        kwargs["max_length"] = max_length
    return tokenizer(text, **kwargs)
