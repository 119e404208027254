# The twins: the ids asked for as a list (`return_dict=False`), and a tuple whose ids the caller reads by key.
import torch


def encode_list(tokenizer, messages, add_generation_prompt=False):
    return tokenizer.apply_chat_template(
        list(messages), add_generation_prompt=add_generation_prompt, return_dict=False
    )


def encode_dict(tokenizer, messages, add_generation_prompt=False):
    return tokenizer.apply_chat_template(list(messages), add_generation_prompt=add_generation_prompt, return_dict=True)


def list_pair(tokenizer, prompt, reply):
    prompt_ids = encode_list(tokenizer, prompt, add_generation_prompt=True)
    full_ids = encode_list(tokenizer, [*prompt, {"role": "assistant", "content": reply}])
    return prompt_ids, full_ids


def dict_pair(tokenizer, prompt, reply):
    prompt_batch = encode_dict(tokenizer, prompt, add_generation_prompt=True)
    full_batch = encode_dict(tokenizer, [*prompt, {"role": "assistant", "content": reply}])
    return prompt_batch, full_batch


def build(tokenizer, example):
    prompt_ids, ids = list_pair(tokenizer, example["prompt"], example["reply"])
    prompt_batch, batch = dict_pair(tokenizer, example["prompt"], example["reply"])
    labels = torch.tensor(batch["input_ids"])
    labels[: len(prompt_batch["input_ids"])] = -100
    return {"input_ids": torch.tensor(ids), "labels": labels, "prompt": prompt_ids}
