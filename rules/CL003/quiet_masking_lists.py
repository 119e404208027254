

def tokenize_by_position(example, tokenizer):
    # the prompt rendered with the generation prompt; and a comparison of positions with another length
    messages = example["messages"]
    input_ids = tokenizer.apply_chat_template(messages, return_dict=False)
    prompt_len = len(tokenizer.apply_chat_template(messages[:-1], add_generation_prompt=True, return_dict=False))
    labels = [-100 if i < prompt_len else token for i, token in enumerate(input_ids)]
    history = len(tokenizer.apply_chat_template(messages[:-1], return_dict=False))
    weights = [0.5 if i < history else 1.0 for i, _ in enumerate(input_ids)]
    return {"input_ids": input_ids, "labels": labels, "weights": weights}


def loss_mask_in_the_record(example, tokenizer):
    # the prompt rendered with the generation prompt; and a list of zeros kept under a key that is no mask
    messages = example["messages"]
    full_ids = tokenizer(tokenizer.apply_chat_template(messages, tokenize=False), add_special_tokens=False)["input_ids"]
    context = tokenizer.apply_chat_template(messages[:-1], tokenize=False, add_generation_prompt=True)
    n_context = len(tokenizer(context, add_special_tokens=False)["input_ids"])
    bare = tokenizer.apply_chat_template(messages[:-1], tokenize=False)
    n_bare = len(tokenizer(bare, add_special_tokens=False)["input_ids"])
    return {
        "input_ids": full_ids,
        "loss_mask": [0] * n_context + [1] * (len(full_ids) - n_context),
        "segment_ids": [0] * n_bare + [1] * (len(full_ids) - n_bare),
    }
