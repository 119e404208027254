# versions: transformers>=4.40,<5
# The twin of flag_turn_spans_with_empty_prefix.py: the conversation before each assistant turn is rendered with
# the generation prompt, so the span starts after the assistant header.
import torch


class TurnDataset:
    def __init__(self, tokenizer, conversations):
        self.tokenizer = tokenizer
        self.conversations = conversations

    def __getitem__(self, index):
        conversation = self.conversations[index]
        ids = self.tokenizer.apply_chat_template(conversation, tokenize=True, return_tensors="pt")[0]
        loss_mask = torch.zeros_like(ids)
        for turn, message in enumerate(conversation):
            if message["role"] != "assistant":
                continue
            before = self.tokenizer.apply_chat_template(conversation[:turn], tokenize=True, return_tensors="pt", add_generation_prompt=True) if turn > 0 else None
            upto = self.tokenizer.apply_chat_template(conversation[: turn + 1], tokenize=True, return_tensors="pt")
            start = before[0].shape[0] if before is not None else 0
            end = upto[0].shape[0]
            loss_mask[start:end] = 1
        return {"input_ids": ids, "loss_mask": loss_mask}
