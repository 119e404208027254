# Factories of renderers: each returns a function it defines that renders the messages it is given, the flags
# bound from the factory's parameters. The second strips the BOS off its render.
def make_chat_template_fn(tokenizer, add_generation_prompt=False):
    def chat_template_fn(messages):
        try:
            return tokenizer.apply_chat_template(
                messages, tokenize=False, add_generation_prompt=add_generation_prompt, enable_thinking=False
            )
        except TypeError:
            return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)

    return chat_template_fn


def make_bare_template_fn(tokenizer):
    def bare_template_fn(messages):
        text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return text.removeprefix(tokenizer.bos_token or "")

    return bare_template_fn
