# A factory binds the render in a `functools.partial` with the keywords of a dict it spreads (`{**ENCODE_KWARGS,
# **overrides}`): that dict leaves `return_dict` out, so what the partial returns is a BatchEncoding under
# transformers 5, and its length is the number of its keys.
import functools

from transformers import AutoTokenizer

ENCODE_KWARGS = {"tokenize": True, "add_generation_prompt": True}


def make_chat_encoder(tokenizer, **overrides):
    kwargs = {**ENCODE_KWARGS, **overrides}
    return functools.partial(tokenizer.apply_chat_template, **kwargs)


class Runner:
    def __init__(self, checkpoint, budget):
        self.encode = make_chat_encoder(AutoTokenizer.from_pretrained(checkpoint))
        self.budget = budget

    def fits(self, messages):
        prompt_ids = self.encode(messages)  # expect: CL005 "`len(prompt_ids)`"
        return len(prompt_ids) <= self.budget
