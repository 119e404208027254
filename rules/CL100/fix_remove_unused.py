def render_prompt(tokenizer, conversation):
    return tokenizer.apply_chat_template(conversation[:-1], add_generation_prompt=True)  # noqa: CL001


def render_for_generation(tokenizer, example):
    return tokenizer.apply_chat_template(example["prompt"], add_generation_prompt=True)  # noqa: E501, CL001


def render_typed(tokenizer, example):
    return tokenizer.apply_chat_template(example["prompt"], add_generation_prompt=True)  # type: ignore  # noqa: CL001


def keep_reason(tokenizer, example):
    return tokenizer.apply_chat_template(example["prompt"], add_generation_prompt=True)  # noqa: CL001 prompt only
