# One wrapper for every pipeline: the template's keywords in a dict, updated with what the caller overrides.


def encode_chat(tokenizer, messages, **overrides):
    kwargs = {"tokenize": True, "return_dict": False, "add_generation_prompt": False}
    kwargs.update(overrides)
    return tokenizer.apply_chat_template(list(messages), **kwargs)
