# The twins of flag_template_kwargs_from_data.py: a mapping the caller fills may carry
# `add_generation_prompt=True`, so the wrapper's default is not known to apply.


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
