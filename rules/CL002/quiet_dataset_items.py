# The twins of flag_dataset_items.py: a dataset of the data's own prompt texts, and rendered prompts tokenized
# without special tokens.
from torch.utils.data import Dataset


class PlainPrompts(Dataset):
    def __init__(self, rows):
        self.texts = [row["prompt"] for row in rows]

    def __len__(self):
        return len(self.texts)

    def __getitem__(self, index):
        return self.texts[index]


class ChatPrompts(Dataset):
    def __init__(self, conversations, tokenizer):
        self.texts = [tokenizer.apply_chat_template(c[:-1], tokenize=False, add_generation_prompt=True) for c in conversations]

    def __len__(self):
        return len(self.texts)

    def __getitem__(self, index):
        return self.texts[index]


def encode_plain(rows, tokenizer):
    return [tokenizer(prompt)["input_ids"] for prompt in PlainPrompts(rows)]


def encode_prompts(conversations, tokenizer):
    return [tokenizer(prompt, add_special_tokens=False)["input_ids"] for prompt in ChatPrompts(conversations, tokenizer)]


def score_prompts(model, tokenizer, dataset):
    # every caller hands it a dataset of the data's own prompt texts
    return [model(**tokenizer(prompt, return_tensors="pt")).logits for prompt in dataset]


def main(rows, model, tokenizer):
    return score_prompts(model, tokenizer, PlainPrompts(rows))
