# Two encoders: one spreads the shared keywords (which the code here does not show) and its caller's extras, the
# other leaves `return_dict` to the template's default.
from .settings import CHAT_TEMPLATE_KWARGS


def encode_conversation(tokenizer, messages, extras=None):
    kwargs = {**CHAT_TEMPLATE_KWARGS, **(extras or {})}
    return tokenizer.apply_chat_template(messages, **kwargs)


def encode_plain(tokenizer, messages):
    return tokenizer.apply_chat_template(messages, add_generation_prompt=True)
