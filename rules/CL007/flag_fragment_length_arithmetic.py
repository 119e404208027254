# Per-turn lengths measured on fragments tokenized alone, corrected by a guessed constant, used to mask the labels.
IGNORE_TOKEN_ID = -100


def preprocess(conversations, tokenizer, sep):
    input_ids = tokenizer(conversations, return_tensors="pt", padding="longest").input_ids
    targets = input_ids.clone()
    for conversation, target in zip(conversations, targets):
        cur_len = 1
        for turn in conversation.split("</s>"):
            turn_len = len(tokenizer(turn).input_ids)
            parts = turn.split(sep)
            instruction_len = len(tokenizer(parts[0]).input_ids) - 2  # expect: CL007 "measures a fragment tokenized on its own and subtracts a hand-picked 2"
            target[cur_len : cur_len + instruction_len] = IGNORE_TOKEN_ID
            cur_len += turn_len
    return input_ids, targets


def inline(text, prompt, tokenizer, labels):
    labels[: len(tokenizer.encode(prompt)) - 1] = -100  # expect: CL007 "line 20 masks the labels"
    return labels


def running_offset(conversation, tokenizer, user_separator, assistant_separator):
    target = tokenizer(conversation, return_tensors="pt").input_ids[0].clone()
    cur_len = 0
    for turn in conversation.split(user_separator):
        turn_len = len(tokenizer(turn, add_special_tokens=False).input_ids)
        parts = turn.rsplit(assistant_separator)
        parts[0] += assistant_separator
        instruction_len = len(tokenizer(parts[0], add_special_tokens=False).input_ids)  # expect: CL007 "measures a fragment tokenized on its own, turn by turn"
        target[cur_len : cur_len + instruction_len] = IGNORE_TOKEN_ID
        cur_len += turn_len
    return target
