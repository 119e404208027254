# The twins: the helper that renders the generation prompt, and the one asked for it. Quiet.
from prompts import build_generation_prompt, build_prompt_with


def tokenize(example, tokenizer):
    prompt = build_generation_prompt(example, tokenizer)
    full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    input_ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    labels = [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]
    return {"input_ids": input_ids, "labels": labels}


def tokenize_asked(example, tokenizer):
    prompt = build_prompt_with(example, tokenizer, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    n = len(tokenizer(prompt, add_special_tokens=False)["input_ids"])
    input_ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    return {"input_ids": input_ids, "labels": [-100] * n + input_ids[n:]}
