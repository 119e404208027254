# versions: transformers>=4.56
# The twins of flag_kind_tests_a_batch_encoding_fails.py: kind tests that send a `BatchEncoding` down a branch written
# for it. It has no `shape` (a tensor's), so it takes the `else` that reads it by key; it is no `list`, so it takes
# the branch that reads its `input_ids`.


def model_inputs(tokenizer, messages, device):
    out = tokenizer.apply_chat_template(messages, tokenize=True, add_generation_prompt=True, return_tensors="pt")
    if hasattr(out, "shape"):
        input_ids = out.to(device)
        inputs = {"input_ids": input_ids}
    else:
        inputs = {key: value.to(device) for key, value in out.items()}
        input_ids = inputs["input_ids"]
    return inputs, int(input_ids.shape[-1])


def prompt_length(tokenizer, messages):
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)
    return len(ids if isinstance(ids, list) else ids["input_ids"])


def tensor_or_encoding(tokenizer, messages, device):
    # `torch.is_tensor` tells the tensor `return_tensors="pt"` gave before transformers 5 from a `BatchEncoding`
    import torch

    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")
    if not torch.is_tensor(ids):
        ids = ids["input_ids"]
    ids = ids.to(device)
    return ids, ids.shape[1]


def moved_then_tested(model, tokenizer, messages, device):
    # the result moved to the device first (`.to(...)` gives the same kind of value), then its kind tested
    encoded = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt").to(device)
    inputs = encoded.to(model.device)
    if hasattr(inputs, "keys"):
        return model.generate(**inputs), inputs["input_ids"].shape[1]
    return model.generate(inputs), inputs.shape[1]


def prompt_and_full(tokenizer, messages):
    # one test of the full render routes both: the prompt's ids are taken in the same branch
    full = tokenizer.apply_chat_template(messages, tokenize=True)
    prompt = tokenizer.apply_chat_template(messages[:-1], tokenize=True, add_generation_prompt=True)
    if hasattr(full, "input_ids"):
        full, prompt = full["input_ids"], prompt["input_ids"]
    return [-100] * len(prompt) + list(full)[len(prompt) :]


def transformers_5():
    import transformers
    from packaging.version import Version

    return Version(transformers.__version__).major >= 5


def reference_labels(tokenizer, messages):
    # a version test, then the ids read by key on the path transformers 5 takes
    input_ids = tokenizer.apply_chat_template(messages)
    prompt_ids = tokenizer.apply_chat_template(messages[:-1], add_generation_prompt=True)
    if transformers_5():
        input_ids = input_ids["input_ids"]
        prompt_ids = prompt_ids["input_ids"]
    return [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]


def reply(model, tokenizer, messages):
    # the kind test comes first (after a move to the device): every use below it is written for both results
    import torch

    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")
    inputs = inputs.to(model.device)
    if not isinstance(inputs, torch.Tensor):
        inputs = inputs["input_ids"]
    outputs = model.generate(input_ids=inputs, max_new_tokens=128)
    return tokenizer.decode(outputs[0][inputs.shape[1] :], skip_special_tokens=True)
