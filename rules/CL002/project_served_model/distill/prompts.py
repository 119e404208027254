def render_request(tokenizer, record):
    messages = [{"role": "user", "content": record["prompt"]}]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
