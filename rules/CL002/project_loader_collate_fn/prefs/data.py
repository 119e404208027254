# Preference rows: the prompt rendered once, the two replies kept as text.
from datasets import load_dataset


def render_prompt(tokenizer, messages, system=None):
    if system:
        messages = [{"role": "system", "content": system}] + list(messages)
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def to_pair(row, tokenizer, system=None):
    return {"prompt_text": render_prompt(tokenizer, row["prompt"], system), "chosen_text": row["chosen"]}


def load_pairs(path, tokenizer, system=None):
    rows = load_dataset("json", data_files=path, split="train")
    return rows.map(to_pair, fn_kwargs={"tokenizer": tokenizer, "system": system}, remove_columns=rows.column_names)
