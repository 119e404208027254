def rendered_tokens(tokenizer, messages, **template_kwargs):
    text = tokenizer.apply_chat_template(messages, tokenize=False, **template_kwargs)
    return len(tokenizer(text, add_special_tokens=False)["input_ids"])


def history_tokens(tokenizer, messages):
    return rendered_tokens(tokenizer, messages)


def prompt_tokens(tokenizer, messages):
    return rendered_tokens(tokenizer, messages, add_generation_prompt=True)
