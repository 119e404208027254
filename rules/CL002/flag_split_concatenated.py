# The prompt and the response tokenized apart, the response with special tokens, and their ids joined with
# `torch.cat` (an EOS appended under a flag keeps the response's ids first): a BOS in the middle.
import torch


def build(example, tokenizer, add_eos=True):
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    prompt_ids = tokenizer(prompt, add_special_tokens=False, return_tensors="pt")["input_ids"][0]
    response_ids = tokenizer(example["response"], return_tensors="pt")["input_ids"][0]  # expect: CL002 "its ids are appended after those of `prompt` (`torch.cat((prompt_ids, response_ids), dim=-1)`)"
    if add_eos:
        response_ids = torch.cat((response_ids, torch.tensor([tokenizer.eos_token_id])), dim=-1)
    input_ids = torch.cat((prompt_ids, response_ids), dim=-1)
    return {"input_ids": input_ids}


def build_right(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    prompt_ids = tokenizer(prompt, add_special_tokens=False, return_tensors="pt")["input_ids"][0]
    response_ids = tokenizer(example["response"], add_special_tokens=False, return_tensors="pt")["input_ids"][0]
    return {"input_ids": torch.cat((prompt_ids, response_ids), dim=-1)}
