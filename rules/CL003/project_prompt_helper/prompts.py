# Prompt helpers: each renders the turns before the reply and returns the text.


def build_prompt(example, tokenizer):
    return tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False)


def build_generation_prompt(example, tokenizer):
    return tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)


def build_prompt_with(example, tokenizer, add_generation_prompt=False):
    return tokenizer.apply_chat_template(
        example["messages"][:-1], tokenize=False, add_generation_prompt=add_generation_prompt
    )
