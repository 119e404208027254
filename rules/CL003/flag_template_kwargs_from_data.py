# Template keyword arguments read from the data carry template variables, not `add_generation_prompt`: the
# wrapper's default (`False`) is what the prompt is rendered with.


def render_prompt(tokenizer, messages, add_generation_prompt=False, **kwargs):
    return tokenizer.apply_chat_template(
        messages, add_generation_prompt=add_generation_prompt, return_dict=False, **kwargs
    )


def tokenize(example, tokenizer):
    full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    prompt_ids = render_prompt(tokenizer, example["messages"][:-1], **example.get("chat_template_kwargs", {}))  # expect: CL003 "with `add_generation_prompt=False` (set by the default of parameter `add_generation_prompt` of `render_prompt`) through the wrapper `render_prompt`"
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
    return {"input_ids": full_ids, "labels": labels}


def tokenize_direct(example, tokenizer):
    template_kwargs = example.get("chat_template_kwargs") or {}
    full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False, **template_kwargs)
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], return_dict=False, **template_kwargs)  # expect: CL003 "without `add_generation_prompt=True`"
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
    return {"input_ids": full_ids, "labels": labels}


def render_conversation(tokenizer, messages, **template_kwargs):
    return tokenizer.apply_chat_template(messages, tokenize=False, **template_kwargs)


def tokenize_with_tools(example, tokenizer):
    # a wrapper that hands the template its keywords, called with a mapping the code shows: no generation prompt
    full = render_conversation(tokenizer, example["messages"])
    prompt = render_conversation(tokenizer, example["messages"][:-1], **{"tools": example["tools"]})  # expect: CL003 "without `add_generation_prompt=True`"
    input_ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    n_prompt = len(tokenizer(prompt, add_special_tokens=False)["input_ids"])
    return {"input_ids": input_ids, "labels": [-100] * n_prompt + input_ids[n_prompt:]}
