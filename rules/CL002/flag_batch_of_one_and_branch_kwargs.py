# A helper that tokenizes a batch of the one text it is given (`processor(text=[text], images=...)`, with a fallback
# to the tokenizer), handed a render; and a renderer that builds its keywords as a dict literal in each branch.
from typing import Any


def render_with_options(tokenizer, messages, **kwargs):
    return tokenizer.apply_chat_template(messages, **kwargs)


def chat_text(processor: Any, messages, tools=None) -> str:
    if callable(getattr(processor, "apply_chat_template", None)):
        kwargs = {"tokenize": False, "add_generation_prompt": True}
        if tools:
            kwargs["tools"] = tools
        rendered = render_with_options(processor, messages, **kwargs)
        if isinstance(rendered, str):
            return rendered
    tokenizer = getattr(processor, "tokenizer", None)
    if tokenizer is not None:
        kwargs = {"tokenize": False, "add_generation_prompt": True}
        return render_with_options(tokenizer, messages, **kwargs)
    return "\n".join(str(message["content"]) for message in messages)


def encode_text_and_images(tokenizer, processor, text: str, images) -> dict:
    try:
        return dict(processor(text=[text], images=images, return_tensors="pt"))
    except TypeError:
        return dict(tokenizer([text], return_tensors="pt"))


def encode_row(tokenizer, processor, row, images):
    text = chat_text(processor, row["messages"], tools=row.get("tools"))
    return encode_text_and_images(tokenizer, processor, text, images)  # expect: CL002 "through the helper `encode_text_and_images`"
