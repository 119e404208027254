# A dataset whose items are renders, and a collator that tokenizes the items it is given with special tokens on,
# joined by the `Trainer` (or a `DataLoader`) that hands the one's items to the other.
from torch.utils.data import DataLoader, Dataset
from transformers import Trainer


class RenderedChats(Dataset):
    def __init__(self, rows, tokenizer):
        self.rows = rows
        self.tokenizer = tokenizer

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, idx):
        return self.tokenizer.apply_chat_template(self.rows[idx]["messages"], tokenize=False)


class TextCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, texts):
        batch = self.tokenizer(texts, padding=True, return_tensors="pt")
        batch["labels"] = batch["input_ids"].clone()
        return batch


def train(model, tokenizer, rows, args):
    dataset = RenderedChats(rows, tokenizer)
    collator = TextCollator(tokenizer)
    trainer = Trainer(model=model, args=args, train_dataset=dataset, data_collator=collator)  # expect: CL002 "`dataset` holds texts rendered by"
    return trainer.train()


def loader(rows, tokenizer):
    return DataLoader(RenderedChats(rows, tokenizer), batch_size=8, collate_fn=TextCollator(tokenizer))  # expect: CL002 "through the helper `TextCollator.__call__`"


def train_with_keywords(model, tokenizer, rows, args):
    # the trainer's keywords gathered in a dict first
    trainer_kwargs = dict(model=model, args=args, train_dataset=RenderedChats(rows, tokenizer))
    trainer_kwargs["data_collator"] = TextCollator(tokenizer)
    return Trainer(**trainer_kwargs).train()  # expect: CL002 "through the helper `TextCollator.__call__`"
