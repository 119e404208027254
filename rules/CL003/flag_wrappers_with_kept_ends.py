# A wrapper that puts the system prompt in front through a helper that keeps the conversation's end, assigned to a
# local name first (`messages = with_system(turns, system)`): its callers are judged by what they pass. A prompt
# passed without the generation prompt becomes the `prompt` of a preference row.
def with_system(turns, system_prompt=None):
    if system_prompt and (not turns or turns[0]["role"] != "system"):
        return [{"role": "system", "content": system_prompt}, *turns]
    return list(turns)


def render_prompt(tokenizer, turns, system_prompt=None):
    messages = with_system(turns, system_prompt)
    return tokenizer.apply_chat_template(messages, tokenize=False)


def to_row(example, tokenizer):
    prompt = render_prompt(tokenizer, example["chosen"][:-1])  # expect: CL003 "through the wrapper `render_prompt`"
    return {
        "prompt": prompt,
        "chosen": example["chosen"][-1]["content"],
        "rejected": example["rejected"][-1]["content"],
    }


def with_header(messages, header=None):
    if header:
        return [{"role": "system", "content": header}] + list(messages)
    return list(messages)


def render_conversation(tokenizer, messages, header=None):
    # the parameter itself rebound by the helper (which adds turns in front with `[...] + list(messages)`)
    messages = with_header(messages, header)
    return tokenizer.apply_chat_template(messages, tokenize=False)


def to_pair_row(example, tokenizer):
    prompt = render_conversation(tokenizer, example["chosen"][:-1])  # expect: CL003 "through the wrapper `render_conversation`"
    return {"prompt": prompt, "chosen": example["chosen"][-1]["content"], "rejected": example["rejected"][-1]["content"]}
