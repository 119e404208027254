# A wrapper of the chat template: its callers decide the flags.


def render_chat(tokenizer, messages, add_generation_prompt=False, **template_kwargs):
    return tokenizer.apply_chat_template(
        messages, tokenize=False, add_generation_prompt=add_generation_prompt, **template_kwargs
    )
