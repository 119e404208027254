# A local `pad_token_id = eos` only matters where that very name masks; a known case silenced with noqa.
import torch


def sample(model, tokenizer, prompt):
    pad_token_id = tokenizer.eos_token_id
    ids = tokenizer(prompt, return_tensors="pt").input_ids
    return model.generate(ids, pad_token_id=pad_token_id)


def collate(batch, pad_id):
    input_ids = torch.tensor([row["input_ids"] for row in batch])
    labels = input_ids.masked_fill(input_ids == pad_id, -100)
    return {"input_ids": input_ids, "labels": labels}


def accepted(tokenizer):
    tokenizer.pad_token = tokenizer.eos_token  # noqa: CL004
    return tokenizer


def clean(batch, tokenizer):
    labels = batch["input_ids"].clone()
    labels[labels == tokenizer.pad_token_id] = -100
    return labels
