# Keyword arguments built in a local dict: a key set later by name may be `return_dict` itself, and one set by a key
# the code does not show may be anything.
import torch


def prompt_tensor(tokenizer, messages, device):
    kwargs = {"add_generation_prompt": True}
    kwargs["return_dict"] = False
    token_ids = tokenizer.apply_chat_template(messages, **kwargs)
    return torch.tensor([list(token_ids)], device=device)


def prompt_tensor_with_options(tokenizer, messages, options, device):
    kwargs = {"add_generation_prompt": True}
    for key, value in options.items():
        kwargs[key] = value
    token_ids = tokenizer.apply_chat_template(messages, **kwargs)
    return torch.tensor([list(token_ids)], device=device)
