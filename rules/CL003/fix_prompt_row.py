# fix: unsafe


def to_preference(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["chosen"][:-1], tokenize=False)
    return {"prompt": prompt, "chosen": example["chosen"][-1:], "rejected": example["rejected"][-1:]}


def to_orpo_row(row, tokenizer):
    row["prompt"] = tokenizer.apply_chat_template(row["chosen"][:-1], tokenize=False, add_generation_prompt=False)
    row["chosen"] = row["chosen"][-1]["content"]
    row["rejected"] = row["rejected"][-1]["content"]
    return row
