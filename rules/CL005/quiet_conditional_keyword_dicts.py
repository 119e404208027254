# One of two dicts spread into the render, and one of them asks for text: what the render returns depends on the
# branch (text or ids), so its result is not judged as a `BatchEncoding`.
def render(tokenizer, messages, as_text):
    result = tokenizer.apply_chat_template(messages, add_generation_prompt=True, **({"tokenize": False} if as_text else {}))
    return result[:4096]


def render_named(tokenizer, messages, as_text):
    kwargs = {"tokenize": False} if as_text else {}
    result = tokenizer.apply_chat_template(messages, add_generation_prompt=True, **kwargs)
    return result[:4096]


def ids_named(tokenizer, messages, thinking_capable):
    kwargs = {"enable_thinking": False, "return_dict": False} if thinking_capable else {"return_dict": False}
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, **kwargs)
    return ids[-4096:]
