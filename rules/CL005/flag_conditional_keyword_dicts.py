# Template variables spread from one of two dicts the code shows (`enable_thinking` only when asked for), in the call
# or through a local name given them once: neither sets `tokenize` or `return_dict`, so the render returns a
# `BatchEncoding` from transformers 5 on both paths.
import torch


def prompt_tensor(tokenizer, messages, thinking=None):
    token_ids = tokenizer.apply_chat_template(  # expect: CL005 "used as a list of ids: `torch.tensor(token_ids)`"
        messages, add_generation_prompt=True, **({"enable_thinking": thinking} if thinking is not None else {})
    )
    return torch.tensor(token_ids).unsqueeze(0)


def prompt_tensor_named(tokenizer, messages, thinking_capable):
    kwargs = {"enable_thinking": False} if thinking_capable else {}
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, **kwargs)  # expect: CL005 "used as a list of ids: `torch.tensor(ids)`"
    return torch.tensor(ids)[None]
