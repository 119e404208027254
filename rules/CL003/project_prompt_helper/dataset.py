# The prompt a helper of another module renders measures the part of the labels that is masked: without the
# generation prompt, the assistant header after it is trained on.
from prompts import build_prompt, build_prompt_with


def tokenize(example, tokenizer):
    prompt = build_prompt(example, tokenizer)  # expect: CL003 "through the helper `build_prompt` (prompts.py:5)"
    full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    input_ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    labels = [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]
    return {"input_ids": input_ids, "labels": labels}


def tokenize_defaulted(example, tokenizer):
    prompt = build_prompt_with(example, tokenizer)  # expect: CL003 "the helper `build_prompt_with`"
    full = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    n = len(tokenizer(prompt, add_special_tokens=False)["input_ids"])
    input_ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    return {"input_ids": input_ids, "labels": [-100] * n + input_ids[n:]}
