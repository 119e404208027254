# Datasets of prompts for rollouts: one renders each conversation with the chat template, the other keeps the
# dataset's own prompt text.
from torch.utils.data import Dataset


def render_prompt(tokenizer, messages):
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


class PromptDataset(Dataset):
    def __init__(self, rows, tokenizer):
        self.prompts = [render_prompt(tokenizer, row["messages"][:-1]) for row in rows]

    def __len__(self):
        return len(self.prompts)

    def __getitem__(self, index):
        return self.prompts[index]


class RawPromptDataset(Dataset):
    def __init__(self, rows):
        self.prompts = [row["prompt"] for row in rows]

    def __len__(self):
        return len(self.prompts)

    def __getitem__(self, index):
        return self.prompts[index]
