# The twin of flag_preference_pair_labels.py rendered right: the full conversations without the generation prompt,
# the prompt (whose length masks the labels) with it.
IGNORE_INDEX = -100


def pair_features(example, tokenizer):
    chosen = tokenizer.apply_chat_template(example["chosen"], tokenize=False)
    rejected = tokenizer.apply_chat_template(example["rejected"], tokenize=False)
    tokens_chosen = tokenizer(chosen, add_special_tokens=False, return_tensors="pt")
    tokens_rejected = tokenizer(rejected, add_special_tokens=False, return_tensors="pt")
    prompt = tokenizer.apply_chat_template(example["chosen"][:-1], tokenize=False, add_generation_prompt=True)
    n_prompt = len(tokenizer(prompt, add_special_tokens=False)["input_ids"])
    label_chosen = tokens_chosen["input_ids"][0].clone()
    label_chosen[:n_prompt] = IGNORE_INDEX
    label_rejected = tokens_rejected["input_ids"][0].clone()
    label_rejected[:n_prompt] = IGNORE_INDEX
    return {
        "input_ids_chosen": tokens_chosen["input_ids"][0],
        "input_ids_rejected": tokens_rejected["input_ids"][0],
        "label_chosen": label_chosen,
        "label_rejected": label_rejected,
    }
