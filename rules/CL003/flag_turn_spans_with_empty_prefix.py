# versions: transformers>=4.40,<5
# A multi-turn SFT dataset marks each assistant turn for the loss between the length of the conversation before
# the turn and the length up to it. The conversation before the turn is rendered without the generation prompt,
# and the empty prefix of the first turn is given as `None` and a length of 0: the assistant header after it
# counts as part of the reply, and is trained.
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
            before = self.tokenizer.apply_chat_template(conversation[:turn], tokenize=True, return_tensors="pt", add_generation_prompt=False) if turn > 0 else None  # expect: CL003 "renders `conversation[:turn]`"
            upto = self.tokenizer.apply_chat_template(conversation[: turn + 1], tokenize=True, return_tensors="pt")
            start = before[0].shape[0] if before is not None else 0
            end = upto[0].shape[0]
            if message["role"] == "assistant":
                loss_mask[start:end] = 1
        return {"input_ids": ids, "loss_mask": loss_mask}
