# The twins: branch dicts that disagree on `tokenize` (the text is not known to be a render), and a batch of one text
# tokenized with special tokens off.
from typing import Any


def render_with_options(tokenizer, messages, **kwargs):
    return tokenizer.apply_chat_template(messages, **kwargs)


def chat_text(processor: Any, messages, text_only: bool) -> str:
    if text_only:
        kwargs = {"tokenize": False, "add_generation_prompt": True}
    else:
        kwargs = {"add_generation_prompt": True}
    return render_with_options(processor, messages, **kwargs)


def encode_texts(tokenizer, text: str) -> dict:
    return dict(tokenizer([text], return_tensors="pt"))


def encode_plain(processor, text: str, images) -> dict:
    return dict(processor(text=[text], images=images, add_special_tokens=False, return_tensors="pt"))


def encode_row(tokenizer, processor, row, images, text_only):
    text = chat_text(processor, row["messages"], text_only)
    ids = encode_texts(tokenizer, text)
    rendered = render_with_options(processor, row["messages"], tokenize=False, add_generation_prompt=True)
    return ids, encode_plain(processor, rendered, images)
