# Growing the conversation a turn at a time, done right: the prompt before a reply is rendered with the
# generation prompt, or the carried length only masks the turns that are not trained.
IGNORE_INDEX = -100


def build_with_header(tokenizer, messages):
    full_ids = tokenizer.apply_chat_template(messages, return_dict=False)
    labels = [IGNORE_INDEX] * len(full_ids)
    prev_len = 0
    cumulative = []
    for message in messages:
        cumulative.append(message)
        before_reply = message["role"] != "assistant"
        new_len = len(tokenizer.apply_chat_template(cumulative, add_generation_prompt=before_reply, return_dict=False))
        if message["role"] == "assistant":
            labels[prev_len:new_len] = full_ids[prev_len:new_len]
        prev_len = new_len
    return {"input_ids": full_ids, "labels": labels}


def mask_user_turns(tokenizer, messages):
    full_ids = tokenizer.apply_chat_template(messages, return_dict=False)
    labels = list(full_ids)
    prev_len = 0
    cumulative = []
    for message in messages:
        cumulative.append(message)
        new_len = len(tokenizer.apply_chat_template(cumulative, add_generation_prompt=True, return_dict=False))
        if message["role"] != "assistant":
            labels[prev_len:new_len] = [IGNORE_INDEX] * (new_len - prev_len)
        prev_len = new_len
    return {"input_ids": full_ids, "labels": labels}

