# Multi-turn masking by growing the conversation a turn at a time: the length of the conversation before each
# assistant turn is kept from the loop's last pass, rendered without the generation prompt.
IGNORE_INDEX = -100


def _render_ids(tokenizer, messages):
    return tokenizer.apply_chat_template(messages, tokenize=True, add_generation_prompt=False, return_dict=False)


def build_incremental(tokenizer, messages):
    full_ids = _render_ids(tokenizer, messages)
    labels = [IGNORE_INDEX] * len(full_ids)
    prev_len = 0
    cumulative = []
    for message in messages:
        cumulative.append(message)
        rendered = _render_ids(tokenizer, cumulative)  # expect: CL003 "renders `cumulative` before the turn this pass of the loop adds"
        new_len = len(rendered)
        if message["role"] == "assistant":
            end = min(new_len, len(full_ids))
            labels[prev_len:end] = full_ids[prev_len:end]
        prev_len = new_len
    return {"input_ids": full_ids, "labels": labels}


def build_by_index(tokenizer, messages):
    full_ids = tokenizer.apply_chat_template(messages, return_dict=False)
    labels = [IGNORE_INDEX] * len(full_ids)
    start = 0
    for i, message in enumerate(messages):
        upto = len(tokenizer.apply_chat_template(messages[: i + 1], return_dict=False))  # expect: CL003 "renders `messages[: i + 1]` before the turn this pass of the loop adds"
        if message["role"] == "assistant":
            labels[start:upto] = full_ids[start:upto]
        start = upto
    return {"input_ids": full_ids, "labels": labels}


def build_with_a_deferred_prefix(tokenizer, messages):
    full_ids = _render_ids(tokenizer, messages)
    labels = [IGNORE_INDEX] * len(full_ids)
    prev_len = 0
    cumulative = []
    waiting = []
    for message in messages:
        cumulative.append(message)
        if not any(turn["role"] == "user" for turn in cumulative):
            waiting.append(message)  # a system prompt alone does not render: wait for the first user turn
            continue
        rendered = _render_ids(tokenizer, cumulative)  # expect: CL003 "renders `cumulative` before the turn this pass of the loop adds"
        new_len = len(rendered)
        if waiting:
            waiting.clear()
            prev_len = new_len
            continue
        if message["role"] == "assistant":
            labels[prev_len:new_len] = full_ids[prev_len:new_len]
        prev_len = new_len
    return {"input_ids": full_ids, "labels": labels}
