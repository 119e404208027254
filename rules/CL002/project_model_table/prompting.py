def question_prompt(tokenizer, question, choices):
    lines = [question, *(f"{label}. {text}" for label, text in zip("ABCD", choices))]
    messages = [{"role": "user", "content": "\n".join(lines)}]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
