import torch
from tqdm import tqdm

from .prompts import iter_prompt_ids, iter_prompt_lists


def evaluate(model, tokenizer, rows):
    outputs = {}
    for qid, prompt_ids, _gold in tqdm(iter_prompt_ids(tokenizer, rows), total=len(rows)):  # expect: CL005 "unpacked as `prompt_ids`: `torch.tensor([prompt_ids]"
        input_ids = torch.tensor([prompt_ids], dtype=torch.long).to(model.device)
        outputs[qid] = model.generate(input_ids, max_new_tokens=128)
    return outputs


def evaluate_lists(model, tokenizer, rows):
    outputs = {}
    for qid, prompt_ids, _gold in tqdm(iter_prompt_lists(tokenizer, rows), total=len(rows)):
        input_ids = torch.tensor([prompt_ids], dtype=torch.long).to(model.device)
        outputs[qid] = model.generate(input_ids, max_new_tokens=128)
    return outputs
