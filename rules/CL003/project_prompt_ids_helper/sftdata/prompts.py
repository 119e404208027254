# Prompt-side token ids.


def prompt_ids(tokenizer, messages):
    return tokenizer.apply_chat_template(messages[:-1], return_dict=False)


def prompt_ids_with_header(tokenizer, messages):
    return tokenizer.apply_chat_template(messages[:-1], add_generation_prompt=True, return_dict=False)
