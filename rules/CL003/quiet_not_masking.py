# Prompt renders without the generation prompt that do not mask labels with their length.


def filter_long_prompts(example, tokenizer, max_prompt_length=512):
    # the length only filters the data
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], return_dict=False)
    return len(prompt_ids) <= max_prompt_length


def log_prompt_stats(dataset, tokenizer, logger):
    lengths = [len(tokenizer.apply_chat_template(row["prompt"], return_dict=False)) for row in dataset]
    logger.info("mean prompt length %.1f", sum(lengths) / len(lengths))


def assistant_header(tokenizer):
    # template introspection: the same turn with and without the header gives the header's text
    turn = [{"role": "user", "content": "x"}]
    with_header = tokenizer.apply_chat_template(turn, add_generation_prompt=True, tokenize=False)
    without = tokenizer.apply_chat_template(turn, add_generation_prompt=False, tokenize=False)
    return with_header[len(without) :]


def history_turns(example, tokenizer):
    # the end of a range (`labels[start:end]`), not a masked prefix: end is the close of the previous reply
    conversation = example["messages"]
    input_ids = tokenizer.apply_chat_template(conversation, return_dict=False)
    labels = [-100] * len(input_ids)
    start = len(tokenizer.apply_chat_template(conversation[:1], add_generation_prompt=True, return_dict=False))
    end = len(tokenizer.apply_chat_template(conversation[:-1], return_dict=False))
    labels[start:end] = input_ids[start:end]
    return {"input_ids": input_ids, "labels": labels}


def header_added_by_hand(example, tokenizer):
    # the header is appended to the prompt text before it is measured
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False) + "<|im_start|>assistant\n"
    full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    input_ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    labels = [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]
    return {"input_ids": input_ids, "labels": labels}


def truncate_prompt(example, tokenizer, max_length=1024):
    # the prompt is cut to fit; its tokens are never labels
    prompt_ids = tokenizer.apply_chat_template(example["prompt"], return_dict=False)
    keep = max_length - 128
    return {"prompt_input_ids": prompt_ids[-keep:]}


MASKED_TOKEN_VALUE = -100


def mask_non_assistant_turns(messages, tokenizer, labels):
    # multi-turn masking: the span *after* each prefix (a user turn) is masked; the prefix ends with a reply
    for index, message in enumerate(messages):
        if message["role"] == "assistant" or index == 0:
            continue
        start = tokenizer.apply_chat_template(
            messages[:index], add_generation_prompt=False, return_dict=False, return_tensors="pt"
        ).shape[1]
        next_is_assistant = index < len(messages) - 1 and messages[index + 1]["role"] == "assistant"
        end = tokenizer.apply_chat_template(
            messages[: index + 1], add_generation_prompt=next_is_assistant, return_dict=False, return_tensors="pt"
        ).shape[1]
        labels[:, start:end] = MASKED_TOKEN_VALUE
    return labels


def loop_over_prompt_tokens(example, tokenizer):
    # a loop bounded by the prompt length that does not write labels
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], return_dict=False)
    seen = set()
    for position in range(len(prompt_ids)):
        seen.add(prompt_ids[position])
    return {"prompt_vocabulary": sorted(seen)}
