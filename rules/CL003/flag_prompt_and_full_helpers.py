# A helper returns the prompt's render and the full render as a pair; its callers unpack it, one example at a time
# or a batch taken apart with `zip(*pairs)` and zipped again row by row, and mask the labels by the prompt's length.
IGNORE_INDEX = -100


def split_render(tokenizer, conversation):
    prompt = tokenizer.apply_chat_template(conversation[:-1], tokenize=False)  # expect: CL003 "`conversation[:-1]`"
    full = tokenizer.apply_chat_template(conversation, tokenize=False)
    return prompt, full


def one_example(tokenizer, conversation):
    prompt, full = split_render(tokenizer, conversation)
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    return {"input_ids": ids, "labels": [IGNORE_INDEX] * len(prompt_ids) + ids[len(prompt_ids) :]}


def render_pair(tokenizer, conversation):
    return (
        tokenizer.apply_chat_template(conversation[:-1], tokenize=False),  # expect: CL003 "`conversation[:-1]`"
        tokenizer.apply_chat_template(conversation, tokenize=False),
    )


def batch_of_examples(tokenizer, conversations):
    pairs = [render_pair(tokenizer, conversation) for conversation in conversations]
    prompts, fulls = zip(*pairs)
    prompt_rows = tokenizer(list(prompts), add_special_tokens=False)["input_ids"]
    rows = tokenizer(list(fulls), add_special_tokens=False)["input_ids"]
    features = []
    for prompt_ids, ids in zip(prompt_rows, rows):
        cut = min(len(prompt_ids), len(ids))
        features.append({"input_ids": ids, "labels": [IGNORE_INDEX] * cut + ids[cut:]})
    return features
