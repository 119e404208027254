# Renders asked for a dict and read by key: the length of its `input_ids` is the number of tokens.
IGNORE_INDEX = -100


def build_labels(tokenizer, messages):
    enc = tokenizer.apply_chat_template(messages, return_dict=True)
    prompt = tokenizer.apply_chat_template(messages[:-1], add_generation_prompt=True, return_dict=True)
    prompt_len = len(prompt["input_ids"])
    return [IGNORE_INDEX] * prompt_len + enc["input_ids"][prompt_len:], prompt.keys()
