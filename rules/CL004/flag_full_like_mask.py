# Labels masked by value with a tensor of the ignore index: `torch.where(ids == pad_id, torch.full_like(ids, -100),
# ids)` drops every EOS once padding is EOS.
import torch


def collate(batch, tokenizer):
    tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "masks labels by value: `torch.where(ids == tokenizer.pad_token_id, torch.full_like("
    ids = tokenizer([row["text"] for row in batch], padding=True, return_tensors="pt")["input_ids"]
    labels = torch.where(ids == tokenizer.pad_token_id, torch.full_like(ids, -100), ids)
    return {"input_ids": ids, "labels": labels}
