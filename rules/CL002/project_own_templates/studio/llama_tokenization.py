# The template the project installs here writes the BOS itself: tokenizing its text with special tokens on doubles it.
from transformers import AutoTokenizer

from studio.chat_template import get_llama_style_template
from studio.rendering import render_chat


def load_tokenizer(base_model):
    tokenizer = AutoTokenizer.from_pretrained(base_model)
    tokenizer.chat_template = get_llama_style_template()
    return tokenizer


def encode_chat(tokenizer, messages):
    text = render_chat(tokenizer, messages)
    return tokenizer(text, return_tensors="pt")  # expect: CL002 "`text` is rendered by `render_chat(..., tokenize=False)`"
