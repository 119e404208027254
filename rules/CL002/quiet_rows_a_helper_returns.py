# A dataset built from the rows a helper fills: tokenized without special tokens, or rows of ids, not text.
from datasets import Dataset


def prepare_prompts(data, tokenizer):
    prepared = []
    for row in data:
        prompt_text = tokenizer.apply_chat_template(row["messages"], tokenize=False, add_generation_prompt=True)
        prepared.append({"prompt_text": prompt_text})
    return prepared


def prepare_ids(data, tokenizer):
    prepared = []
    for row in data:
        ids = tokenizer.apply_chat_template(row["messages"], add_generation_prompt=True, return_dict=False)
        prepared.append({"prompt_text": tokenizer.decode(ids, skip_special_tokens=True)})
    return prepared


def build_dataset(raw, tokenizer):
    train_ds = Dataset.from_list(prepare_prompts(raw, tokenizer))
    return train_ds.map(
        lambda examples: tokenizer(examples["prompt_text"], add_special_tokens=False, truncation=True), batched=True
    )


def build_plain_dataset(raw, tokenizer):
    train_ds = Dataset.from_list(prepare_ids(raw, tokenizer))
    return train_ds.map(lambda examples: tokenizer(examples["prompt_text"], truncation=True), batched=True)
