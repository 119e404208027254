# Renders that are not prompt-only, or whose flags say what they mean.


def full_minus_full(example, tokenizer):
    # two full conversations: the length of the shorter one is a whole conversation, not a prompt
    first = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    both = tokenizer.apply_chat_template(example["messages"] + example["follow_up"], return_dict=False)
    labels = [-100] * len(first) + both[len(first) :]
    return {"input_ids": both, "labels": labels}


def continue_partial_reply(example, tokenizer):
    # the prompt ends with an open assistant message that the model continues
    prefix = tokenizer.apply_chat_template(example["prompt"], continue_final_message=True, return_dict=False)
    full = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    labels = [-100] * len(prefix) + full[len(prefix) :]
    return {"input_ids": full, "labels": labels}


def wrapper_default(example, prompter):
    # the flag reaches the render through a parameter default that the callers may change
    full = prompter.render(example["messages"])
    prompt = prompter.render(example["messages"][:-1], add_generation_prompt=True)
    labels = [-100] * len(prompt) + full[len(prompt) :]
    return {"input_ids": full, "labels": labels}


class Prompter:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def render(self, conversation, add_generation_prompt=False):
        return self.tokenizer.apply_chat_template(
            conversation, add_generation_prompt=add_generation_prompt, return_dict=False
        )

    def build(self, example):
        full = self.render(example["messages"])
        prompt = self.render(example["messages"][:-1], add_generation_prompt=True)
        return {"input_ids": full, "labels": [-100] * len(prompt) + full[len(prompt) :]}


def suppressed(example, tokenizer):
    full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], return_dict=False)  # noqa: CL003
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids) :]
    return {"input_ids": full_ids, "labels": labels}


def in_context_ids(messages, tokenizer):
    # a fixed base written out in the code, rendered before the messages to tokenize them in context: its length
    # cuts the base off, it measures no prompt of the data
    base = [{"role": "system", "content": "You are a helpful assistant."}, {"role": "user", "content": "Hi."}]
    base_ids = tokenizer.apply_chat_template(base, add_generation_prompt=False, tokenize=True, return_dict=False)
    full_ids = tokenizer.apply_chat_template(base + messages, tokenize=True, return_dict=False)
    return full_ids[len(base_ids) :]


def header_tokens(conversation, tokenizer):
    # template introspection: the same prefix with and without the generation prompt, to find the header by the
    # difference; the render without it is meant to stop before it
    full_ids = tokenizer.apply_chat_template(conversation, return_dict=False)
    turns = []
    for index, message in enumerate(conversation):
        if message["role"] != "assistant":
            continue
        prefix = conversation[:index]
        base_ids = tokenizer.apply_chat_template(prefix, return_dict=False)
        with_header = tokenizer.apply_chat_template(prefix, add_generation_prompt=True, return_dict=False)
        header = len(with_header) - len(base_ids)
        turns.append((full_ids[len(base_ids) :], header))
    return turns


def last_turns(messages):
    # a helper that keeps the last turns: it may cut the conversation anywhere, its end is not followed
    return messages[-4:] if len(messages) > 4 else messages


def with_system(messages):
    return [{"role": "system", "content": "Be brief."}, *messages]


def tokenize_with_system_and_header(example, tokenizer):
    messages = example["messages"]
    prompt = tokenizer.apply_chat_template(with_system(messages[:-1]), tokenize=False, add_generation_prompt=True)
    full = tokenizer.apply_chat_template(with_system(messages), tokenize=False)
    n = len(tokenizer(prompt, add_special_tokens=False)["input_ids"])
    full_ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    return {"input_ids": full_ids, "labels": [-100] * n + full_ids[n:]}


def tokenize_the_full_conversation_through_a_helper(example, tokenizer):
    # the helper is given the whole conversation: its render is no prompt
    full = tokenizer.apply_chat_template(with_system(example["messages"]), tokenize=False)
    n = len(tokenizer(full, add_special_tokens=False)["input_ids"])
    return {"n": n}
