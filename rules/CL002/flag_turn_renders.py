# A conversation rendered one turn at a time, the renders joined into one sequence: every turn is a whole
# conversation to the template, so each starts with its BOS.
IGNORE_INDEX = -100


def per_turn_labels(example, tokenizer):
    input_ids, labels = [], []
    for message in example["messages"]:
        text = tokenizer.apply_chat_template([message], tokenize=False)  # expect: CL002 "renders one turn at a time (`[message]` in a loop over the turns)"
        ids = tokenizer(text, add_special_tokens=False)["input_ids"]
        input_ids += ids
        labels += ids if message["role"] == "assistant" else [IGNORE_INDEX] * len(ids)
    return {"input_ids": input_ids, "labels": labels}


def per_turn_ids(messages, tokenizer):
    input_ids = []
    for i in range(len(messages)):
        input_ids.extend(tokenizer.apply_chat_template(messages[i:i + 1], return_dict=False))  # expect: CL002 "`messages[i:i + 1]`"
    return input_ids


def sharegpt_text(conversation, tokenizer):
    parts = []
    for turn in conversation:
        message = [{"role": turn["from"], "content": turn["value"]}]
        parts.append(tokenizer.apply_chat_template(message, tokenize=False))  # expect: CL002 "joins the results (`parts.append("
    return "".join(parts)


def joined_text(messages, tokenizer):
    return "".join(tokenizer.apply_chat_template([m], tokenize=False) for m in messages)  # expect: CL002 "(`\"\".join("


def per_turn_msgs(msgs, tok):
    ids = []
    for idx in range(len(msgs)):
        ids += tok.apply_chat_template(msgs[idx:idx + 1], return_dict=False)  # expect: CL002 "`msgs[idx:idx + 1]`"
    return ids


def kept_then_summed(messages, tokenizer):
    parts = [tokenizer.apply_chat_template([m], return_dict=False) for m in messages]  # expect: CL002 "(`parts`, joined later)"
    return sum(parts, [])
