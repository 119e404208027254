# Pairs of renders whose prompt ends with the assistant header, or whose other place measures the mask.
IGNORE_INDEX = -100


def split_render(tokenizer, conversation):
    prompt = tokenizer.apply_chat_template(conversation[:-1], tokenize=False, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(conversation, tokenize=False)
    return prompt, full


def one_example(tokenizer, conversation):
    prompt, full = split_render(tokenizer, conversation)
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    return {"input_ids": ids, "labels": [IGNORE_INDEX] * len(prompt_ids) + ids[len(prompt_ids) :]}


def system_and_chat(tokenizer, conversation):
    system = tokenizer.apply_chat_template(conversation[:1], tokenize=False)
    chat = tokenizer.apply_chat_template(conversation[:-1], tokenize=False, add_generation_prompt=True)
    return chat, system


def generation_batch(tokenizer, conversations):
    pairs = [system_and_chat(tokenizer, conversation) for conversation in conversations]
    chats, systems = zip(*pairs)
    chat_rows = tokenizer(list(chats), add_special_tokens=False)["input_ids"]
    features = []
    for prompt_ids in chat_rows:
        features.append({"input_ids": prompt_ids, "labels": [IGNORE_INDEX] * len(prompt_ids)})
    return features, systems
