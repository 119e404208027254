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


def prompt_of(row, tokenizer, use_chat_template):
    if use_chat_template:
        return tokenizer.apply_chat_template(row["messages"][:-1], tokenize=False, add_generation_prompt=True)
    return row["prompt"]


class ConfiguredPromptDataset(Dataset):
    """Renders the prompts with the chat template when the run's configuration says so."""

    def __init__(self, rows, tokenizer, use_chat_template=False):
        self.prompts = [prompt_of(row, tokenizer, use_chat_template) for row in rows]

    def __len__(self):
        return len(self.prompts)

    def __getitem__(self, index):
        return self.prompts[index]
