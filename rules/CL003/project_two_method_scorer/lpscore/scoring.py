import torch

from .renderer import ChatRenderer


@torch.no_grad()
def completion_logprob(model, renderer: ChatRenderer, messages, completion):
    prompt = renderer.prompt_ids(messages)  # expect: CL003 "which `ChatRenderer.conversation_ids`"
    full = torch.tensor([renderer.conversation_ids(messages, completion)])
    labels = full.clone()
    labels[:, : len(prompt)] = -100
    return -model(input_ids=full, labels=labels).loss.item()


@torch.no_grad()
def completion_logprob_with_header(model, renderer: ChatRenderer, messages, completion):
    prompt = renderer.generation_ids(messages)
    full = torch.tensor([renderer.conversation_ids(messages, completion)])
    labels = full.clone()
    labels[:, : len(prompt)] = -100
    return -model(input_ids=full, labels=labels).loss.item()
