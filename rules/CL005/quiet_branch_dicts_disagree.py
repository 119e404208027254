# Keyword dicts given in each branch that disagree on `tokenize`: what the render returns depends on the branch (text
# on one, ids on the other), so its result is not judged as a `BatchEncoding`.
def render(tokenizer, messages, as_text):
    if as_text:
        kwargs = {"tokenize": False, "add_generation_prompt": True}
    else:
        kwargs = {"tokenize": True, "add_generation_prompt": True}
    result = tokenizer.apply_chat_template(messages, **kwargs)
    return result[: 4096]
