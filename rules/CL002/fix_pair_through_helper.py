# fix: unsafe
# Both sides go through one tokenizing helper: the fix changes the helper's call once, which fixes both sides
# (and any other caller of the helper: unsafe).


def ids_of(tokenizer, text):
    return tokenizer(text)["input_ids"]


def tokenize_pair(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    prompt_ids = ids_of(tokenizer, prompt)
    full_ids = ids_of(tokenizer, full)
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
    return {"input_ids": full_ids, "labels": labels}


def mixed_routes(example, tokenizer):
    # the prompt through the helper (unsafe), the full conversation directly (safe): the pair's fix is unsafe
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    prompt_ids = ids_of(tokenizer, prompt)
    full_ids = tokenizer(full)["input_ids"]
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
    return {"input_ids": full_ids, "labels": labels}
