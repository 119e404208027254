# Renders for the feature builders: the prompt and the whole conversation, as a pair.


def split_render(tokenizer, conversation):
    prompt = tokenizer.apply_chat_template(conversation[:-1], tokenize=False)
    full = tokenizer.apply_chat_template(conversation, tokenize=False)
    return prompt, full


def split_row(tokenizer, example):
    conversation = example["messages"]
    prompt = tokenizer.apply_chat_template(conversation[:-1], tokenize=False, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(conversation, tokenize=False)
    return prompt, full
