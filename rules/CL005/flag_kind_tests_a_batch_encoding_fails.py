# versions: transformers>=4.56
# Code that means to handle both results, with kind tests a `BatchEncoding` fails: it is a `UserDict`, not a `dict`
# (`isinstance(ids, dict)` is False), and it has no `tolist` (a tensor's method), while it has a tensor's `to`. Under
# transformers 5 each takes the branch written for a list of ids (or a tensor): `len()` counts the encoding's keys,
# the tokens are read from its keys, `.shape` fails.


def token_length(row, tokenizer):
    ids = tokenizer.apply_chat_template(row["messages"], tokenize=True, add_generation_prompt=False)  # expect: CL005 "if isinstance(ids, dict) e"
    return len(ids["input_ids"] if isinstance(ids, dict) else ids)


def rendered_tokens(tokenizer, messages):
    rendered = tokenizer.apply_chat_template(messages, add_generation_prompt=False)  # expect: CL005 "used as a list of ids"
    token_ids = rendered.tolist() if hasattr(rendered, "tolist") else rendered
    return len(token_ids), tokenizer.convert_ids_to_tokens(token_ids)


def first_ids(encoding):
    if isinstance(encoding, dict):
        return encoding["input_ids"][:8]
    return list(encoding)[:8]


def prefix(tokenizer, messages):
    return first_ids(tokenizer.apply_chat_template(messages, add_generation_prompt=True))  # expect: CL005 "passed to `first_ids` as `encoding`"


def prompt_and_full(tokenizer, messages):
    # the branch a `BatchEncoding` takes reads the full render's ids, not the prompt's
    full = tokenizer.apply_chat_template(messages, tokenize=True)
    prompt = tokenizer.apply_chat_template(messages[:-1], tokenize=True, add_generation_prompt=True)  # expect: CL005 "`len(prompt)`"
    if hasattr(full, "input_ids"):
        full = full["input_ids"]
    return [-100] * len(prompt) + list(full)[len(prompt) :]


def prefix_length(tokenizer, messages, device):
    # `BatchEncoding.to(device)` exists too: the encoding takes the tensor's branch, then `.shape` fails
    encoded = tokenizer.apply_chat_template(messages, return_tensors="pt", tokenize=True)  # expect: CL005 "`encoded.shape`"
    if hasattr(encoded, "to"):
        encoded = encoded.to(device)
    return encoded.shape[-1]


def reply(model, tokenizer, messages):
    # the kind test comes after the ids were already handed to `generate` as they are
    import torch

    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")  # expect: CL005 "`input_ids=inputs`"
    inputs = inputs.to(model.device)
    outputs = model.generate(input_ids=inputs, max_new_tokens=128)
    if isinstance(inputs, torch.Tensor):
        prompt_length = inputs.shape[1]
    else:
        prompt_length = inputs["input_ids"].shape[1]
    return tokenizer.decode(outputs[0][prompt_length:], skip_special_tokens=True)
