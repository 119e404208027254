# The prompt is known by the render that continues it: `prompt_messages` is rendered alone, and again followed by the
# completion; the prompt render has no generation prompt, and its length masks the labels of the full render.


def as_messages(value, role):
    return [{"role": role, "content": value}] if isinstance(value, str) else list(value)


def tokenize_pair(example, tokenizer):
    prompt_messages = as_messages(example["prompt"], "user")
    completion_messages = as_messages(example["completion"], "assistant")
    prompt_text = tokenizer.apply_chat_template(prompt_messages, tokenize=False)  # expect: CL003 "`prompt_messages`, which `prompt_messages + completion_messages` continues"
    full_text = tokenizer.apply_chat_template(prompt_messages + completion_messages, tokenize=False)
    prompt_ids = tokenizer(prompt_text, add_special_tokens=False)["input_ids"]
    full_ids = tokenizer(full_text, add_special_tokens=False)["input_ids"]
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
    return {"input_ids": full_ids, "labels": labels}
