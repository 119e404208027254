def _clean(turns):
    return [{"role": turn["role"], "content": turn["content"].strip()} for turn in turns]


def prompt_tokens(tokenizer, turns, **options):
    return tokenizer.apply_chat_template(_clean(turns), add_generation_prompt=True, **options)
