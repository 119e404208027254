# One helper gives ids or text, as its caller asks: `is_tokenize` goes to the render as its `tokenize` flag.
def get_chat_prompt(tokenizer, question, system=None, is_tokenize=True):
    messages = [{"role": "user", "content": question}]
    if system is not None:
        messages.insert(0, {"role": "system", "content": system})
    return tokenizer.apply_chat_template(messages, tokenize=is_tokenize, add_generation_prompt=True)
