# fix: unsafe
IGNORE_INDEX = -100


def tokenize_one_line(example, tokenizer):
    full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], return_dict=False)
    labels = [IGNORE_INDEX] * len(prompt_ids) + full_ids[len(prompt_ids) :]
    return {"input_ids": full_ids, "labels": labels}


def tokenize_trailing_comma(example, tokenizer):
    full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    prompt_ids = tokenizer.apply_chat_template(
        example["messages"][:-1],  # everything before the reply
        tools=example.get("tools"),
        return_dict=False,
    )
    labels = [IGNORE_INDEX] * len(prompt_ids) + full_ids[len(prompt_ids) :]
    return {"input_ids": full_ids, "labels": labels}


def tokenize_no_trailing_comma(example, tokenizer):
    full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    prompt_ids = tokenizer.apply_chat_template(
        example["messages"][:-1],
        return_dict=False
    )
    labels = [IGNORE_INDEX] * len(prompt_ids) + full_ids[len(prompt_ids) :]
    return {"input_ids": full_ids, "labels": labels}


def tokenize_literal_false(example, tokenizer):
    full_text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    prompt_text = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=False)
    return {"prompt": prompt_text, "completion": full_text[len(prompt_text) :]}


def tokenize_before_kwargs(example, tokenizer, **template_kwargs):
    full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False, **template_kwargs)
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], return_dict=False, **template_kwargs)
    labels = [IGNORE_INDEX] * len(prompt_ids) + full_ids[len(prompt_ids) :]
    return {"input_ids": full_ids, "labels": labels}
