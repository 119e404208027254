def _prompt(tokenizer, question, system_prompt=None):
    messages = [{"role": "system", "content": system_prompt}] if system_prompt else []
    messages.append({"role": "user", "content": question})
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def render_pair(tokenizer, question, matching, not_matching, system_prompt=None):
    """Both texts end on the answer letter: the steering vector is the difference of their activations there."""
    prompt = _prompt(tokenizer, question, system_prompt)
    return prompt + matching, prompt + not_matching
