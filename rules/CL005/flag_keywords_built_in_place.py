# Keyword arguments built in a local dict, with keys added later by name (tools only when there are some): the code
# shows every keyword, none of them `return_dict=False`, so the render returns a `BatchEncoding` from transformers 5.
import torch


def prompt_tensor(tokenizer, messages, tools, device):
    kwargs = {"add_generation_prompt": True}
    if tools:
        kwargs["tools"] = tools
    token_ids = tokenizer.apply_chat_template(messages, **kwargs)  # expect: CL005 "used as a list of ids: `list(token_ids)`"
    return torch.tensor([list(token_ids)], device=device)
