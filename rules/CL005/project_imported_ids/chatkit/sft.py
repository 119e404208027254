# The ids of another module's renders used as lists: a prompt length that masks the labels, a slice, a tensor.
import torch

from .prompter import ChatPrompter, render_ids


class ChatDataset(torch.utils.data.Dataset):
    def __init__(self, rows, prompter: ChatPrompter):
        self.rows = rows
        self.prompter = prompter

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        turns = self.rows[index]["messages"]
        full = self.prompter.build(turns)  # expect: CL005 "through the helper `ChatPrompter.build` (chatkit/prompter.py:15)"
        prompt = self.prompter.build(turns[:-1], True)  # expect: CL005 "`len(prompt)`"
        labels = [-100] * len(prompt) + full[len(prompt):]
        return {"input_ids": torch.tensor(full), "labels": torch.tensor(labels)}


def encode(example, tok):
    prompt = render_ids(tok, example["messages"][:-1], add_generation_prompt=True)  # expect: CL005 "through the wrapper `render_ids`"
    return {"prompt_len": len(prompt)}
