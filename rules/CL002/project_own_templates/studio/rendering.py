def render_chat(tokenizer, messages):
    return tokenizer.apply_chat_template(messages, tokenize=False)
