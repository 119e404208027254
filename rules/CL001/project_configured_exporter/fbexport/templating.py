# A renderer whose flag is a field of the configuration it is built with, of another module.
from .config import RenderConfig


class ConfiguredRenderer:
    def __init__(self, tokenizer, cfg: RenderConfig):
        self.tokenizer = tokenizer
        self.cfg = cfg

    def __call__(self, messages):
        return self.tokenizer.apply_chat_template(
            messages, tokenize=False, add_generation_prompt=self.cfg.add_generation_prompt
        )


def render_ids(tokenizer, messages, add_generation_prompt=False):
    """The ids of `messages` rendered with the model's template; the caller says whether to add the header."""
    return tokenizer.apply_chat_template(messages, add_generation_prompt=add_generation_prompt, return_dict=False)
