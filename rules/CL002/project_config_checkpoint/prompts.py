def build_prompt(tokenizer, example):
    return tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
