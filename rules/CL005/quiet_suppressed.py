# Pinned to transformers 4 and accepted on purpose.


def prompt_length(tokenizer, messages):
    return len(tokenizer.apply_chat_template(messages, add_generation_prompt=True))  # noqa: CL005
