# A prompt rendered without the generation prompt whose length in characters masks the tokens that start before it
# (the offsets a fast tokenizer returns): the assistant header after the prompt is trained on.
IGNORE_INDEX = -100


def mask_by_offsets(input_ids, offsets, prompt_chars):
    labels = []
    for token_id, (start, _end) in zip(input_ids, offsets):
        labels.append(IGNORE_INDEX if start < prompt_chars else token_id)
    return labels


def example_in_place(tokenizer, conversation):
    prompt_text = tokenizer.apply_chat_template(conversation[:-1], tokenize=False)  # expect: CL003 "`labels.append("
    full_text = tokenizer.apply_chat_template(conversation, tokenize=False)
    encoded = tokenizer(full_text, add_special_tokens=False, return_offsets_mapping=True)
    labels = []
    for token_id, (start, _end) in zip(encoded["input_ids"], encoded["offset_mapping"]):
        labels.append(IGNORE_INDEX if start < len(prompt_text) else token_id)
    return {"input_ids": encoded["input_ids"], "labels": labels}


def example_comprehension(tokenizer, conversation):
    prompt_text = tokenizer.apply_chat_template(conversation[:-1], tokenize=False)  # expect: CL003 "`[IGNORE_INDEX if start < len(prompt_text) else token_id f..."
    full_text = tokenizer.apply_chat_template(conversation, tokenize=False)
    encoded = tokenizer(full_text, add_special_tokens=False, return_offsets_mapping=True)
    ids, offsets = encoded["input_ids"], encoded["offset_mapping"]
    labels = [IGNORE_INDEX if start < len(prompt_text) else token_id for token_id, (start, _) in zip(ids, offsets)]
    return {"input_ids": ids, "labels": labels}


def example_through_a_helper(tokenizer, conversation):
    prompt_text = tokenizer.apply_chat_template(conversation[:-1], tokenize=False)  # expect: CL003 "which masks the first `prompt_chars` labels (line 9)"
    full_text = tokenizer.apply_chat_template(conversation, tokenize=False)
    encoded = tokenizer(full_text, add_special_tokens=False, return_offsets_mapping=True)
    labels = mask_by_offsets(encoded["input_ids"], encoded["offset_mapping"], len(prompt_text))
    return {"input_ids": encoded["input_ids"], "labels": labels}
