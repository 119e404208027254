# A factory of renderers with the flags bound (for prompts: the generation prompt on), and a helper that appends
# the reply to a history.
from functools import partial


def prompt_renderer(tok):
    return partial(tok.apply_chat_template, tokenize=False, add_generation_prompt=True)


def text_renderer(tok):
    return partial(tok.apply_chat_template, tokenize=False)


def with_reply(history, reply):
    return [*history, {"role": "assistant", "content": reply}]
