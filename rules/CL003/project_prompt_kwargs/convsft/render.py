def render_conversation(tokenizer, messages, **template_kwargs):
    return tokenizer.apply_chat_template(messages, tokenize=False, **template_kwargs)


def split_prompt_completion(tokenizer, messages, prompt_kwargs):
    prompt = render_conversation(tokenizer, messages[:-1], **prompt_kwargs)
    return prompt, render_conversation(tokenizer, messages)


def split_plain(tokenizer, messages):
    return render_conversation(tokenizer, messages[:-1]), render_conversation(tokenizer, messages)
