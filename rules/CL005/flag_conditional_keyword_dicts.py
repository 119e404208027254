# Template variables spread from one of two dicts the code shows (`enable_thinking` only when asked for): neither
# sets `tokenize` or `return_dict`, so the render returns a `BatchEncoding` from transformers 5 on both paths.
import torch


def prompt_tensor(tokenizer, messages, thinking=None):
    token_ids = tokenizer.apply_chat_template(  # expect: CL005 "used as a list of ids: `torch.tensor(token_ids)`"
        messages, add_generation_prompt=True, **({"enable_thinking": thinking} if thinking is not None else {})
    )
    return torch.tensor(token_ids).unsqueeze(0)
