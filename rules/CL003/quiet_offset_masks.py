# The twins: the prompt rendered with the generation prompt, so its characters reach the start of the reply; and a
# character length compared with something other than the tokens' offsets.
IGNORE_INDEX = -100


def example_in_place(tokenizer, conversation):
    prompt_text = tokenizer.apply_chat_template(conversation[:-1], tokenize=False, add_generation_prompt=True)
    full_text = tokenizer.apply_chat_template(conversation, tokenize=False)
    encoded = tokenizer(full_text, add_special_tokens=False, return_offsets_mapping=True)
    labels = []
    for token_id, (start, _end) in zip(encoded["input_ids"], encoded["offset_mapping"]):
        labels.append(IGNORE_INDEX if start < len(prompt_text) else token_id)
    return {"input_ids": encoded["input_ids"], "labels": labels}


def weights_by_length(tokenizer, conversation, budgets):
    prompt_text = tokenizer.apply_chat_template(conversation[:-1], tokenize=False)
    weights = []
    for budget in budgets:
        weights.append(IGNORE_INDEX if budget < len(prompt_text) else 1.0)
    return weights
