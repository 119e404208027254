# Prompt renders shared by the row builders: the turns before the reply, as text.


def prompt_of(example, tokenizer):
    return tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False)


def generation_prompt_of(example, tokenizer):
    return tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)


def render_chat(tokenizer, messages, add_generation_prompt=False):
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)
