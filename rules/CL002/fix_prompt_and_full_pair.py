def tokenize_pair(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    prompt_ids = tokenizer(prompt)["input_ids"]
    full_ids = tokenizer(full, truncation=True)["input_ids"]
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
    return {"input_ids": full_ids, "labels": labels}


def mask_in_place(example, tokenizer):
    full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    input_ids = tokenizer.encode(full, add_special_tokens=True)
    prompt_length = len(tokenizer.encode(prompt))
    labels = list(input_ids)
    labels[:prompt_length] = [-100] * prompt_length
    return {"input_ids": input_ids, "labels": labels}
