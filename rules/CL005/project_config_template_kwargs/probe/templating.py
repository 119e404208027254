def encode_chat(tokenizer, user_text, template_kwargs):
    """Tokenize a single-turn user prompt with the model's chat template."""
    messages = [{"role": "user", "content": user_text}]
    return tokenizer.apply_chat_template(messages, tokenize=True, **template_kwargs)
