# Prompt-only renders: the generation prompt is exactly right here.


class PromptMaskCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, examples):
        input_ids, labels = [], []
        for example in examples:
            conversation = example["messages"]
            prompt_ids = self.tokenizer.apply_chat_template(conversation[:-1], add_generation_prompt=True, return_dict=False)
            full_ids = self.tokenizer.apply_chat_template(conversation, return_dict=False)
            label = [-100] * len(prompt_ids) + full_ids[len(prompt_ids) :]
            input_ids.append(full_ids)
            labels.append(label)
        return {"input_ids": input_ids, "labels": labels}


def per_turn_masks(tokenizer, messages):
    labels = []
    for i, message in enumerate(messages):
        if message["role"] != "assistant":
            continue
        before = tokenizer.apply_chat_template(messages[:i], add_generation_prompt=True, return_dict=False)
        labels.append(len(before))
    return {"labels": labels}


def prompt_field(tokenizer, example):
    prompt = tokenizer.apply_chat_template(example["prompt"], tokenize=False, add_generation_prompt=True)
    return {"prompt": prompt, "labels": None}


def named_like_a_reply(tokenizer, example):
    # the name lies: this is the prompt, a slice of the chosen conversation
    chosen_messages = example["chosen"][:-1]
    text = tokenizer.apply_chat_template(chosen_messages, tokenize=False, add_generation_prompt=True)
    return {"prompt": text, "labels": []}


def literal_ending_with_user(tokenizer, question):
    messages = [
        {"role": "system", "content": "You are helpful."},
        {"role": "user", "content": question},
    ]
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
    return {"input_ids": ids, "labels": ids}


def tool_result_last(tokenizer, history, result):
    conversation = history + [{"role": "tool", "content": result}]
    return tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)


def prompt_rl_dataset(dataset, tokenizer):
    def to_prompt(example):
        return {"prompt_ids": tokenizer.apply_chat_template(example["prompt"], add_generation_prompt=True, return_dict=False)}

    return dataset.map(to_prompt)


def prefix_slice_name(tokenizer, conversation, n):
    history = conversation[:n]
    return tokenizer.apply_chat_template(history, add_generation_prompt=True)
