# The dict the factory's partial spreads asks for a list of ids (`return_dict=False`), so the length is the number
# of tokens.
import functools

from transformers import AutoTokenizer

ENCODE_KWARGS = {"tokenize": True, "add_generation_prompt": True, "return_dict": False}


def make_chat_encoder(tokenizer, **overrides):
    kwargs = {**ENCODE_KWARGS, **overrides}
    return functools.partial(tokenizer.apply_chat_template, **kwargs)


class Runner:
    def __init__(self, checkpoint, budget):
        self.encode = make_chat_encoder(AutoTokenizer.from_pretrained(checkpoint))
        self.budget = budget

    def fits(self, messages):
        prompt_ids = self.encode(messages)
        return len(prompt_ids) <= self.budget
