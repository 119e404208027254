# versions: transformers>=4.56
# A list of renders handed whole to a helper that reads each item's ids by key, or renders asked for a list of ids:
# each item is what the helper expects.
import torch


def pad_encodings(batch, pad_id):
    width = max(len(item["input_ids"]) for item in batch)
    return torch.tensor([[pad_id] * (width - len(item["input_ids"])) + item["input_ids"] for item in batch])


def left_pad(batch_ids, pad_id):
    width = max(len(ids) for ids in batch_ids)
    return torch.tensor([[pad_id] * (width - len(ids)) + ids for ids in batch_ids])


def judge_inputs(tokenizer, conversations):
    encoded = [tokenizer.apply_chat_template(c, add_generation_prompt=True) for c in conversations]
    return pad_encodings(encoded, tokenizer.pad_token_id)


def judge_ids(tokenizer, conversations):
    encoded = [tokenizer.apply_chat_template(c, add_generation_prompt=True, return_dict=False) for c in conversations]
    return left_pad(encoded, tokenizer.pad_token_id)
