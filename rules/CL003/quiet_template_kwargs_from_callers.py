# The twins of flag_template_kwargs_from_data.py: a mapping the caller fills may carry
# `add_generation_prompt=True`, so the wrapper's default is not known to apply; nor is the flag left out by a wrapper
# that hands the template only the keywords it is given (`prompt_kwargs`, a configuration's mapping).


def render_prompt(tokenizer, messages, add_generation_prompt=False, **kwargs):
    return tokenizer.apply_chat_template(
        messages, add_generation_prompt=add_generation_prompt, return_dict=False, **kwargs
    )


def tokenize(example, tokenizer, options):
    full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    prompt_ids = render_prompt(tokenizer, example["messages"][:-1], **options)
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
    return {"input_ids": full_ids, "labels": labels}


def tokenize_with_header(example, tokenizer):
    full_ids = tokenizer.apply_chat_template(example["messages"], return_dict=False)
    prompt_ids = render_prompt(
        tokenizer, example["messages"][:-1], add_generation_prompt=True, **example.get("chat_template_kwargs", {})
    )
    labels = [-100] * len(prompt_ids) + full_ids[len(prompt_ids):]
    return {"input_ids": full_ids, "labels": labels}


def render_conversation(tokenizer, messages, **template_kwargs):
    return tokenizer.apply_chat_template(messages, tokenize=False, **template_kwargs)


def split_prompt_completion(tokenizer, messages, prompt_kwargs):
    prompt = render_conversation(tokenizer, messages[:-1], **prompt_kwargs)
    return prompt, render_conversation(tokenizer, messages)


def build_features(example, tokenizer, cfg):
    prompt, full = split_prompt_completion(tokenizer, example["messages"], cfg.prompt_template_kwargs)
    input_ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    n_prompt = len(tokenizer(prompt, add_special_tokens=False)["input_ids"])
    return {"input_ids": input_ids, "labels": [-100] * n_prompt + input_ids[n_prompt:]}
