# A helper returns the ids of two renders in a tuple, each made by a wrapper of the module; the caller unpacks the
# tuple and uses both as lists of ids.
import torch


def encode_chat(tokenizer, messages, add_generation_prompt=False):
    return tokenizer.apply_chat_template(list(messages), add_generation_prompt=add_generation_prompt)  # expect: CL005 "returned by `encode_pair` and unpacked as `prompt_ids` in `build`: `len(prompt_ids)`"


def encode_pair(tokenizer, prompt, reply):
    prompt_ids = encode_chat(tokenizer, prompt, add_generation_prompt=True)
    full_ids = encode_chat(tokenizer, [*prompt, {"role": "assistant", "content": reply}])
    return prompt_ids, full_ids


def build(tokenizer, example):
    prompt_ids, ids = encode_pair(tokenizer, example["prompt"], example["reply"])
    labels = torch.tensor(ids)
    labels[: len(prompt_ids)] = -100
    return {"input_ids": torch.tensor(ids), "labels": labels}
