# Quiet: a wrapper that drops turns (the last one may be gone) or rebuilds the list from something else is not
# judged by its caller's conversation; a remapping wrapper called for a prompt is right.
ROLES = {"human": "user", "gpt": "assistant"}


def render_without_system(tokenizer, turns, add_generation_prompt=False):
    messages = [turn for turn in turns if turn["role"] != "system"]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)


def render_sharegpt(tokenizer, turns, add_generation_prompt=False):
    messages = [{"role": ROLES[turn["from"]], "content": turn["value"]} for turn in turns]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)


def build_example(tokenizer, example):
    prompt = render_sharegpt(tokenizer, example["conversations"][:-1], add_generation_prompt=True)
    full = render_sharegpt(tokenizer, example["conversations"])
    prompt_len = len(tokenizer(prompt, add_special_tokens=False)["input_ids"])
    ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    return {"input_ids": ids, "labels": [-100] * prompt_len + ids[prompt_len:]}
