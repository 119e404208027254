# Flags that cannot go together, wherever they are set.
import functools
from dataclasses import dataclass


def continue_and_open(tokenizer, conversation):
    return tokenizer.apply_chat_template(  # expect: CL006 "`continue_final_message=True` with `add_generation_prompt=True`: transformers raises `ValueError`"
        conversation, continue_final_message=True, add_generation_prompt=True, tokenize=False
    )


def mask_of_text(tokenizer, chat):
    text = tokenizer.apply_chat_template(chat, tokenize=False, return_assistant_tokens_mask=True)  # expect: CL006 "`return_assistant_tokens_mask=True` with `tokenize=False`: there are no tokens to mask"
    return text


def mask_without_dict(tokenizer, conversation):
    encoded = tokenizer.apply_chat_template(  # expect: CL006 "`return_assistant_tokens_mask=True` with `return_dict=False`: the mask can only come back in a dict"
        conversation,
        return_dict=False,
        return_assistant_tokens_mask=True,
    )
    return encoded


def mask_of_open_message(tokenizer, conversation):
    return tokenizer.apply_chat_template(  # expect: CL006 "`return_assistant_tokens_mask=True` with `continue_final_message=True`: transformers raises `ValueError`"
        conversation, return_dict=True, return_assistant_tokens_mask=True, continue_final_message=True
    )


def through_kwargs(tokenizer, conversation):
    options = {"tokenize": False, "return_assistant_tokens_mask": True}
    return tokenizer.apply_chat_template(conversation, **options)  # expect: CL006 "`return_assistant_tokens_mask=True` (set by the `**options` dict) with `tokenize=False`"


def through_partial(tokenizer, conversations):
    render = functools.partial(tokenizer.apply_chat_template, continue_final_message=True)
    return [render(conversation, add_generation_prompt=True) for conversation in conversations]  # expect: CL006 "`continue_final_message=True` (set by the `functools.partial` `render`) with `add_generation_prompt=True`"


@dataclass
class PrefillRenderer:
    tokenizer: object
    continue_final_message: bool = True
    add_generation_prompt: bool = True

    def render(self, conversation):
        return self.tokenizer.apply_chat_template(  # expect: CL006 "`continue_final_message=True` (set by the field `continue_final_message` of `PrefillRenderer`) with `add_generation_prompt=True`"
            conversation,
            continue_final_message=self.continue_final_message,
            add_generation_prompt=self.add_generation_prompt,
            tokenize=False,
        )


def with_default(tokenizer, conversation, tokenize=False):
    return tokenizer.apply_chat_template(  # expect: CL006 "with `tokenize=False` (set by the default of parameter `tokenize` of `with_default`)"
        conversation, tokenize=tokenize, return_assistant_tokens_mask=True
    )


class Renderer:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def render(self, conversation):
        # reported here once, not again at each caller below
        return self.tokenizer.apply_chat_template(  # expect: CL006 "`return_assistant_tokens_mask=True` with `tokenize=False`: there are no tokens to mask"
            conversation, tokenize=False, return_assistant_tokens_mask=True
        )

    def render_all(self, conversations):
        return [self.render(conversation) for conversation in conversations]


def render_prefill(tokenizer, conversation, add_generation_prompt=False):
    return tokenizer.apply_chat_template(
        conversation, continue_final_message=True, add_generation_prompt=add_generation_prompt, tokenize=False
    )


def caller_of_prefill(tokenizer, conversation):
    return render_prefill(tokenizer, conversation, add_generation_prompt=True)  # expect: CL006 "`continue_final_message=True` (set by the call inside `render_prefill`) with `add_generation_prompt=True`"
