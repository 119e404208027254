# A render stage and a tokenize stage: one `.map()` stores the prompt (rendered without the generation prompt) and
# the full conversation in columns; a second `.map()` tokenizes both and masks the prompt's length.
from datasets import load_dataset

IGNORE_INDEX = -100


def render_example(example, tokenizer):
    context = example["messages"][:-1]
    return {
        "prompt_text": tokenizer.apply_chat_template(context, tokenize=False),  # expect: CL003 "masks the labels at `labels[:n_prompt] = [IGNORE_INDEX] * n_prompt` in `tokenize_example`"
        "full_text": tokenizer.apply_chat_template(example["messages"], tokenize=False),
    }


def tokenize_example(example, tokenizer):
    prompt_ids = tokenizer(example["prompt_text"], add_special_tokens=False)["input_ids"]
    encoded = tokenizer(example["full_text"], add_special_tokens=False, truncation=True, max_length=2048)
    labels = list(encoded["input_ids"])
    n_prompt = min(len(prompt_ids), len(labels))
    labels[:n_prompt] = [IGNORE_INDEX] * n_prompt
    return {"input_ids": encoded["input_ids"], "labels": labels}


def build(tokenizer):
    dataset = load_dataset("json", data_files="chats.jsonl", split="train")
    dataset = dataset.map(render_example, fn_kwargs={"tokenizer": tokenizer})
    return dataset.map(tokenize_example, fn_kwargs={"tokenizer": tokenizer}, remove_columns=["prompt_text"])


def prompt_length(row, tokenizer):
    rendered = tokenizer.apply_chat_template(row["messages"][:-1], tokenize=False)  # expect: CL003 "in `mask_row`"
    return {"prompt": rendered, "text": tokenizer.apply_chat_template(row["messages"], tokenize=False)}


def mask_row(row, tokenizer):
    ids = tokenizer(row["text"], add_special_tokens=False).input_ids
    start = len(tokenizer(row["prompt"], add_special_tokens=False).input_ids)
    return {"input_ids": ids, "labels": [IGNORE_INDEX] * start + ids[start:]}


def build_lazily(tokenizer, rows):
    rows = rows.map(prompt_length, fn_kwargs={"tokenizer": tokenizer})
    return rows.map(mask_row, fn_kwargs={"tokenizer": tokenizer})
