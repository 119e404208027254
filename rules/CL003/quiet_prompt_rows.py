# The twins of flag_prompt_rows.py: prompts that end with the assistant header, rows that are not preference or
# prompt-completion rows, conversational rows trl renders itself, and renders that are not the prompt.


def to_preference(example, tokenizer):
    return {
        "prompt": tokenizer.apply_chat_template(example["chosen"][:-1], tokenize=False, add_generation_prompt=True),
        "chosen": example["chosen"][-1]["content"],
        "rejected": example["rejected"][-1]["content"],
    }


def to_prefill_row(example, tokenizer):
    # the prompt ends inside the assistant turn on purpose (a prefilled answer): the completion continues it
    prompt = tokenizer.apply_chat_template(example["prompt"], tokenize=False, continue_final_message=True)
    return {"prompt": prompt, "completion": example["completion"]}


def to_prompt_only(example, tokenizer):
    # no completion keys: a prompt-only row (its generation is another rule's business)
    return {"prompt": tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False), "id": example["id"]}


def to_conversational(example):
    # the raw messages: trl applies the template itself, with the generation prompt
    return {"prompt": example["messages"][:-1], "chosen": example["chosen"][-1:], "rejected": example["rejected"][-1:]}


def to_full_with_empty_completion(example, tokenizer):
    # the whole conversation is the prompt, the reply included, and nothing is trained after it
    return {"prompt": tokenizer.apply_chat_template(example["messages"], tokenize=False), "completion": ""}


def to_header_by_hand(example, tokenizer):
    # the header is added by hand after the render
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False) + "<|im_start|>assistant\n"
    return {"prompt": prompt, "completion": example["messages"][-1]["content"]}


def to_role_conditional(example, tokenizer):
    messages = example["messages"][:-1]
    prompt = tokenizer.apply_chat_template(
        messages, tokenize=False, add_generation_prompt=messages[-1]["role"] != "assistant"
    )
    return {"prompt": prompt, "chosen": example["chosen"], "rejected": example["rejected"]}


def to_row_with_other_prompt(example, tokenizer):
    # the render is the chosen text; the prompt is the raw text of the data
    chosen = tokenizer.apply_chat_template(example["chosen"][:-1], tokenize=False)
    return {"prompt": example["question"], "chosen": chosen, "rejected": example["rejected"]}


def to_kto_dict(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    return dict(prompt=prompt, completion=example["messages"][-1]["content"], label=True)


def build_preference_columns(conversations, tokenizer):
    prompts, chosen, rejected = [], [], []
    for conversation in conversations:
        prompts.append(
            tokenizer.apply_chat_template(conversation["chosen"][:-1], tokenize=False, add_generation_prompt=True)
        )
        chosen.append(conversation["chosen"][-1]["content"])
        rejected.append(conversation["rejected"][-1]["content"])
    return {"prompt": prompts, "chosen": chosen, "rejected": rejected}


def build_prompt_columns(conversations, tokenizer):
    # prompt-only columns (for generation), and full renders as the texts to score
    prompts = [c[:-1] for c in conversations]
    texts = [tokenizer.apply_chat_template(c, tokenize=False) for c in conversations]
    return {"prompt": prompts, "text": texts}


def to_orpo_row(row, tokenizer):
    # the completions are rendered through the template themselves (trl 0.11's ORPO script, the alignment handbook):
    # each carries its own assistant header, so the prompt stops before one; adding the generation prompt would
    # write the header twice
    row["prompt"] = tokenizer.apply_chat_template(row["chosen"][:-1], tokenize=False)
    row["chosen"] = tokenizer.apply_chat_template([row["chosen"][-1]], tokenize=False)
    row["rejected"] = tokenizer.apply_chat_template([row["rejected"][-1]], tokenize=False)
    return row
