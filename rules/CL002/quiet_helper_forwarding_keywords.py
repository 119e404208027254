# Helpers that repair the conversation and hand the template their caller's keywords, where the helper's own
# keywords decide `tokenize` (it sets it, or the dict it merges names it), or where the caller tokenizes the text
# without special tokens.
def repaired(conversation):
    return [dict(message, content=message.get("content") or "") for message in conversation]


def render_ids(tokenizer, conversation, **kwargs):
    kwargs["tokenize"] = True
    return tokenizer.apply_chat_template(repaired(conversation), **kwargs)


def render_merged(tokenizer, conversation, **kwargs):
    call_kwargs = {**kwargs, "tokenize": True}
    return tokenizer.apply_chat_template(repaired(conversation), **call_kwargs)


def render_text(tokenizer, conversation, **kwargs):
    return tokenizer.apply_chat_template(repaired(conversation), add_generation_prompt=True, **kwargs)


def rollout(model, tokenizer, conversation):
    ids = render_ids(tokenizer, conversation, tokenize=False, add_generation_prompt=True)
    merged = render_merged(tokenizer, conversation, tokenize=False, add_generation_prompt=True)
    text = render_text(tokenizer, conversation, tokenize=False)
    encoded = tokenizer(text, add_special_tokens=False, return_tensors="pt")
    checks = tokenizer([tokenizer.decode(ids), tokenizer.decode(merged)], add_special_tokens=False)
    return model.generate(**encoded, max_new_tokens=256), checks
