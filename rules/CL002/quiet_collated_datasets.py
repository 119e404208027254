# The twins: a collator that turns special tokens off, and a dataset of plain documents.
from torch.utils.data import Dataset
from transformers import Trainer


class RenderedChats(Dataset):
    def __init__(self, rows, tokenizer):
        self.rows = rows
        self.tokenizer = tokenizer

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, idx):
        return self.tokenizer.apply_chat_template(self.rows[idx]["messages"], tokenize=False)


class Documents(Dataset):
    def __init__(self, rows):
        self.rows = rows

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, idx):
        return self.rows[idx]["text"]


class TextCollator:
    def __init__(self, tokenizer, add_special_tokens=True):
        self.tokenizer = tokenizer
        self.add_special_tokens = add_special_tokens

    def __call__(self, texts):
        batch = self.tokenizer(texts, padding=True, return_tensors="pt", add_special_tokens=self.add_special_tokens)
        batch["labels"] = batch["input_ids"].clone()
        return batch


class RenderedTextCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, texts):
        batch = self.tokenizer(texts, padding=True, return_tensors="pt", add_special_tokens=False)
        batch["labels"] = batch["input_ids"].clone()
        return batch


def train(model, tokenizer, rows, args):
    chats = Trainer(model=model, args=args, train_dataset=RenderedChats(rows, tokenizer), data_collator=RenderedTextCollator(tokenizer))
    documents = Trainer(model=model, args=args, train_dataset=Documents(rows), data_collator=TextCollator(tokenizer))
    return chats, documents
