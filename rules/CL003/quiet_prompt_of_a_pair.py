# The twins of flag_prompt_of_a_pair.py: the prompt rendered with the generation prompt, and an incremental render
# (a history, then the history with the turns appended: the suffix is those turns' tokens, headers included).


def as_messages(value, role):
    return [{"role": role, "content": value}] if isinstance(value, str) else list(value)


def tokenize_pair(example, tokenizer):
    prompt_messages = as_messages(example["prompt"], "user")
    completion_messages = as_messages(example["completion"], "assistant")
    prompt_text = tokenizer.apply_chat_template(prompt_messages, tokenize=False, add_generation_prompt=True)
    full_text = tokenizer.apply_chat_template(prompt_messages + completion_messages, tokenize=False)
    prompt_ids = tokenizer(prompt_text, add_special_tokens=False)["input_ids"]
    full_ids = tokenizer(full_text, add_special_tokens=False)["input_ids"]
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
    return {"input_ids": full_ids, "labels": labels}


def appended_tokens(tokenizer, prefix_messages, appended_messages):
    prefix_ids = tokenizer.apply_chat_template(prefix_messages, tokenize=True, return_dict=False)
    full_ids = tokenizer.apply_chat_template(prefix_messages + appended_messages, tokenize=True, return_dict=False)
    return full_ids[len(prefix_ids):]


def tokenize_configured_pair(example, tokenizer, **template_kwargs):
    # the prompt render takes its caller's keywords (a configuration may turn the generation prompt on): not judged
    prompt_messages = as_messages(example["prompt"], "user")
    completion_messages = as_messages(example["completion"], "assistant")
    prompt_text = tokenizer.apply_chat_template(prompt_messages, tokenize=False, **template_kwargs)
    full_text = tokenizer.apply_chat_template(prompt_messages + completion_messages, tokenize=False)
    prompt_ids = tokenizer(prompt_text, add_special_tokens=False)["input_ids"]
    full_ids = tokenizer(full_text, add_special_tokens=False)["input_ids"]
    return {"input_ids": full_ids, "labels": [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]}
