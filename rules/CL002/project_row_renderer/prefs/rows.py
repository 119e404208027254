# Renders a preference example into a row of texts: the prompt (with the template's BOS) and what each answer adds.


def render_row(example, tokenizer):
    row = {"id": example.get("id")}
    row["prompt"] = tokenizer.apply_chat_template(example["prompt"], tokenize=False, add_generation_prompt=True)
    for side in ("chosen", "rejected"):
        full = tokenizer.apply_chat_template(example["prompt"] + example[side], tokenize=False)
        row[side] = full[len(row["prompt"]):]
    return row


def plain_row(example):
    # no render: the prompt is the dataset's own text
    return {"prompt": example["question"], "chosen": example["good"], "rejected": example["bad"]}
