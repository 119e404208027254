# A partial of the template that binds `return_dict=False` through a mapping: its results are lists of ids on
# transformers 5 too.
import functools


class Prompter:
    def __init__(self, tokenizer):
        common = dict(tokenize=True, return_dict=False)
        self._render_prefix = functools.partial(tokenizer.apply_chat_template, add_generation_prompt=True, **common)

    def prompt_length(self, messages) -> int:
        return len(self._render_prefix(messages[:-1]))
