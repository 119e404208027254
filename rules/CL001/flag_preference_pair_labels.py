# A preference pair for a reward model trained with a language-modelling head too: both full conversations are
# rendered with the generation prompt, and their ids become the pair's labels (`label_chosen`, `label_rejected`), so
# each ends with an empty assistant header that is trained on.
IGNORE_INDEX = -100


def pair_features(example, tokenizer):
    chosen = tokenizer.apply_chat_template(example["chosen"], tokenize=False, add_generation_prompt=True)  # expect: CL001 "which assigns `label_chosen`"
    rejected = tokenizer.apply_chat_template(example["rejected"], tokenize=False, add_generation_prompt=True)  # expect: CL001 "which assigns `label_chosen`"
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
