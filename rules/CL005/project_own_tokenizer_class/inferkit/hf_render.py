"""Renders with a transformers tokenizer, for the tools that export data."""


def prompt_ids(tokenizer, messages):
    return tokenizer.apply_chat_template(messages, add_generation_prompt=True)
