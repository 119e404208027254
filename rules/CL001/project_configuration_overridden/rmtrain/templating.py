# A renderer configured by the template settings, and a helper that always adds the header.
from .config import TemplateConfig


class ChatRenderer:
    def __init__(self, tokenizer, cfg: TemplateConfig):
        self.tokenizer = tokenizer
        self.cfg = cfg

    def __call__(self, messages):
        return self.tokenizer.apply_chat_template(
            messages, tokenize=False, add_generation_prompt=self.cfg.add_generation_prompt
        )


def render_for_sampling(tokenizer, messages):
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
