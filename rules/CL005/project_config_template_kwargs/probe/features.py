import torch

from .config import ListProbeConfig, ProbeConfig
from .templating import encode_chat


@torch.no_grad()
def last_state(model, tokenizer, text: str, cfg: ProbeConfig):
    ids = encode_chat(tokenizer, text, cfg.chat_template_kwargs)  # expect: CL005 "through the helper `encode_chat`"
    out = model(input_ids=torch.tensor([ids]), output_hidden_states=True)
    return out.hidden_states[cfg.layer][0, -1]


@torch.no_grad()
def last_state_listed(model, tokenizer, text: str, cfg: ListProbeConfig):
    ids = encode_chat(tokenizer, text, cfg.chat_template_kwargs)
    out = model(input_ids=torch.tensor([ids]), output_hidden_states=True)
    return out.hidden_states[cfg.layer][0, -1]


@torch.no_grad()
def last_state_given(model, tokenizer, text: str, layer: int):
    ids = encode_chat(tokenizer, text, {"add_generation_prompt": True, "return_dict": False})
    out = model(input_ids=torch.tensor([ids]), output_hidden_states=True)
    return out.hidden_states[layer][0, -1]
