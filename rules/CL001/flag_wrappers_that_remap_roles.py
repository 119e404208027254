# A wrapper that renames the roles of each turn (ShareGPT `from`/`value` to `role`/`content`) still hands its
# caller's conversation to the template, turn for turn: the caller's full conversation is rendered with a
# generation prompt.
ROLES = {"human": "user", "gpt": "assistant", "system": "system"}


def render_sharegpt(tokenizer, turns, add_generation_prompt=False):
    messages = [{"role": ROLES[turn["from"]], "content": turn["value"]} for turn in turns]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)


def render_with_system(tokenizer, conversation, generation):
    messages = [{"role": "system", "content": "Be brief."}, *conversation]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=generation)


def build_example(tokenizer, example):
    text = render_sharegpt(tokenizer, example["conversations"], add_generation_prompt=True)  # expect: CL001 "through the wrapper `render_sharegpt`"
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    return {"input_ids": ids, "labels": list(ids)}


def build_other(tokenizer, example):
    text = render_with_system(tokenizer, example["messages"], True)  # expect: CL001 "through the wrapper `render_with_system`"
    ids = tokenizer(text, add_special_tokens=False)["input_ids"]
    return {"input_ids": ids, "labels": list(ids)}
