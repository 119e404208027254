# A render asked for a dict (`return_dict=True`) whose result is then measured as a list of ids: its length is the
# number of its keys on every transformers version, so the prompt mask covers two tokens.
IGNORE_INDEX = -100


def build_labels(tokenizer, messages):
    enc = tokenizer.apply_chat_template(messages, return_dict=True)
    prompt_ids = tokenizer.apply_chat_template(messages[:-1], add_generation_prompt=True, return_dict=True)  # expect: CL005 "`len(prompt_ids)`"
    prompt_len = len(prompt_ids)
    return [IGNORE_INDEX] * prompt_len + enc["input_ids"][prompt_len:]
