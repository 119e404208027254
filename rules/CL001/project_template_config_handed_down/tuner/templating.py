from dataclasses import asdict


def render(tokenizer, messages, template_cfg):
    return tokenizer.apply_chat_template(
        messages, tokenize=False, add_generation_prompt=template_cfg.add_generation_prompt
    )


def render_spread(tokenizer, messages, fmt):
    return tokenizer.apply_chat_template(messages, tokenize=False, **asdict(fmt))
