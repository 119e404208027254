# Prompt renders without the generation prompt whose length masks the labels: list-building code (also a 0/1
# loss mask stored in the record under a key that names a mask).
IGNORE_INDEX = -100


def tokenize_sft(example, tokenizer):
    full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], return_dict=False)  # expect: CL003 'renders `example["messages"][:-1]`, which stops before the reply, without `add_generation_prompt=True`'
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids) :]
    return {"input_ids": full_ids, "labels": labels}


def tokenize_with_false(example, tokenizer):
    messages = example["messages"]
    input_ids = tokenizer.apply_chat_template(messages, tokenize=True, return_dict=False)
    prompt = messages[:-1]
    prompt_ids = tokenizer.apply_chat_template(prompt, add_generation_prompt=False, return_dict=False)  # expect: CL003 "renders `prompt` = `messages[:-1]`, which stops before the reply, with `add_generation_prompt=False`"
    prompt_len = len(prompt_ids)
    labels = list(input_ids)
    labels[:prompt_len] = [IGNORE_INDEX] * prompt_len
    return {"input_ids": input_ids, "labels": labels}


def tokenize_prompt_completion(row, tokenizer):
    messages = [
        {"role": "user", "content": row["prompt"]},
        {"role": "assistant", "content": row["completion"]},
    ]
    input_ids = tokenizer.apply_chat_template(messages, return_dict=False)
    prompt_ids = tokenizer.apply_chat_template(  # expect: CL003 "renders a list literal ending with a `user` turn"
        [{"role": "user", "content": row["prompt"]}],
        return_dict=False,
    )
    n = len(prompt_ids) - 1
    labels = [IGNORE_INDEX] * n + input_ids[n:]
    return dict(input_ids=input_ids, labels=labels)


def tokenize_through_text(example, tokenizer, max_length=2048):
    # the text is measured after tokenizing it again: the length still comes from the prompt render
    conversation = example["conversation"]
    prompt_text = tokenizer.apply_chat_template(conversation[:-1], tokenize=False)  # expect: CL003 "masks the labels at `[0] * len(prompt_tokens)`"
    full_text = tokenizer.apply_chat_template(conversation, tokenize=False)
    prompt_tokens = tokenizer(prompt_text, add_special_tokens=False)["input_ids"]
    full_tokens = tokenizer(full_text, add_special_tokens=False, truncation=True, max_length=max_length)
    input_ids = full_tokens["input_ids"]
    loss_mask = [0] * len(prompt_tokens) + [1] * (len(input_ids) - len(prompt_tokens))
    return {"input_ids": input_ids, "loss_mask": loss_mask}


def tokenize_with_loops(example, tokenizer):
    input_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], return_dict=False)  # expect: CL003 "at `labels[position] = IGNORE_INDEX` in `for position in range(len(prompt_ids))`"
    labels = list(input_ids)
    for position in range(len(prompt_ids)):
        labels[position] = IGNORE_INDEX
    return {"input_ids": input_ids, "labels": labels}


def unmask_with_a_loop(example, tokenizer):
    input_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    prompt_ids = tokenizer.apply_chat_template(example["prompt"], return_dict=False)  # expect: CL003 "in `for position in range(len(prompt_ids), len(input_ids))`"
    labels = [IGNORE_INDEX] * len(input_ids)
    for position in range(len(prompt_ids), len(input_ids)):
        labels[position] = input_ids[position]
    return {"input_ids": input_ids, "labels": labels}


def tokenize_by_position(example, tokenizer):
    # labels built position by position: those before the prompt's length get the ignore value
    messages = example["messages"]
    input_ids = tokenizer.apply_chat_template(messages, return_dict=False)
    prompt_len = len(tokenizer.apply_chat_template(messages[:-1], return_dict=False))  # expect: CL003 "`[-100 if i < prompt_len else token for i, token"
    labels = [-100 if i < prompt_len else token for i, token in enumerate(input_ids)]
    return {"input_ids": input_ids, "labels": labels}


def tokenize_by_position_kept(example, tokenizer):
    messages = example["messages"]
    input_ids = tokenizer.apply_chat_template(messages, return_dict=False)
    start = len(tokenizer.apply_chat_template(messages[:-1], return_dict=False))  # expect: CL003 "`[input_ids[position] if position >= start else IGNORE_IND"
    return {"input_ids": input_ids, "labels": [input_ids[position] if position >= start else IGNORE_INDEX for position in range(len(input_ids))]}


def loss_mask_in_the_record(example, tokenizer):
    messages = example["messages"]
    full_ids = tokenizer(tokenizer.apply_chat_template(messages, tokenize=False), add_special_tokens=False)["input_ids"]
    context = tokenizer.apply_chat_template(messages[:-1], tokenize=False)  # expect: CL003 "masks the labels at `[0] * n_context`"
    n_context = len(tokenizer(context, add_special_tokens=False)["input_ids"])
    return {"input_ids": full_ids, "loss_mask": [0] * n_context + [1] * (len(full_ids) - n_context)}
