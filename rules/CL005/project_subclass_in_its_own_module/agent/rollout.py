import torch

from .renderers.llama import Llama31Renderer
from .renderers.qwen import Qwen3Renderer


@torch.no_grad()
def sample(model, tokenizer, messages, tools):
    renderer = Qwen3Renderer(tokenizer)
    prompt_ids = renderer.encode_prompt(messages, tools)  # expect: CL005 "through the wrapper `PromptRenderer.encode_prompt`"
    input_ids = torch.tensor([prompt_ids], device=model.device)
    return model.generate(input_ids, max_new_tokens=256)


@torch.no_grad()
def sample_llama(model, tokenizer, messages, tools):
    renderer = Llama31Renderer(tokenizer)
    prompt_ids = renderer.encode_prompt(messages, tools)
    input_ids = torch.tensor([prompt_ids], device=model.device)
    return model.generate(input_ids, max_new_tokens=256)
