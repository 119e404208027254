def render_prompt(tokenizer, messages):
    return tokenizer.apply_chat_template(messages[:-1], tokenize=False, add_generation_prompt=True)
