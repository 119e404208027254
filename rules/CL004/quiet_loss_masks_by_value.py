# Padding is the EOS token here, but what the loss counts keeps the EOS: the mask by the pad id is an attention mask
# (what the model attends to, not what the loss counts), and the completion mask runs to the first EOS of each
# response, by position.
import torch


def rollout_masks(tokenizer, completion_ids):
    tokenizer.pad_token = tokenizer.eos_token
    attention_mask = completion_ids != tokenizer.pad_token_id
    is_eos = completion_ids == tokenizer.eos_token_id
    first_eos = torch.where(is_eos.any(dim=1), is_eos.int().argmax(dim=1), completion_ids.size(1))
    positions = torch.arange(completion_ids.size(1)).expand(completion_ids.size(0), -1)
    completion_mask = (positions <= first_eos.unsqueeze(1)).int()
    return attention_mask, completion_mask
