"""Preference pairs for DPO: the prompt gets the generation prompt; the replies are rendered without it."""


def build_pair(tokenizer, example: dict) -> dict[str, str]:
    prompt = tokenizer.apply_chat_template(example["prompt"], tokenize=False, add_generation_prompt=True)
    chosen = tokenizer.apply_chat_template(example["prompt"] + example["chosen"], tokenize=False)
    rejected = tokenizer.apply_chat_template(example["prompt"] + example["rejected"], tokenize=False)
    return {"prompt": prompt, "chosen": chosen[len(prompt) :], "rejected": rejected[len(prompt) :]}
