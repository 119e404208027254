# The twin: the wrapper renders the prompt with the generation prompt, and a full conversation rendered through the
# same kind of wrapper is no prompt.
def with_system(turns, system_prompt=None):
    if system_prompt and (not turns or turns[0]["role"] != "system"):
        return [{"role": "system", "content": system_prompt}, *turns]
    return list(turns)


def render_prompt(tokenizer, turns, system_prompt=None):
    messages = with_system(turns, system_prompt)
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def render_dialogue(tokenizer, turns, system_prompt=None):
    messages = with_system(turns, system_prompt)
    return tokenizer.apply_chat_template(messages, tokenize=False)


def to_row(example, tokenizer):
    prompt = render_prompt(tokenizer, example["chosen"][:-1])
    return {
        "prompt": prompt,
        "chosen": example["chosen"][-1]["content"],
        "rejected": example["rejected"][-1]["content"],
        "text": render_dialogue(tokenizer, example["chosen"]),
    }


def with_header(messages, header=None):
    if header:
        return [{"role": "system", "content": header}] + list(messages)
    return list(messages)


def render_conversation(tokenizer, messages, header=None):
    messages = with_header(messages, header)
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def to_pair_row(example, tokenizer):
    # the wrapper renders with the generation prompt: the prompt ends with the assistant header
    prompt = render_conversation(tokenizer, example["chosen"][:-1])
    return {"prompt": prompt, "chosen": example["chosen"][-1]["content"], "rejected": example["rejected"][-1]["content"]}
