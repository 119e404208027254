_ID_KWARGS = {"tokenize": True, "return_dict": False}


def render_ids(tokenizer, conversation, tools=None):
    return tokenizer.apply_chat_template(conversation, tools=tools, **_ID_KWARGS)


def prompt_token_count(tokenizer, conversation, tools=None):
    context = conversation[:-1]
    prompt_ids = tokenizer.apply_chat_template(context, tools=tools, **_ID_KWARGS)
    return len(prompt_ids)


def prompt_token_count_with_header(tokenizer, conversation, tools=None):
    context = conversation[:-1]
    return len(tokenizer.apply_chat_template(context, tools=tools, add_generation_prompt=True, **_ID_KWARGS))
