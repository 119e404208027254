# The rows carry labels without a mask: the collator rebuilding them from `input_ids` changes nothing.
from transformers import DataCollatorForLanguageModeling, Trainer


def tokenize(example, tokenizer):
    encoded = tokenizer(example["text"], truncation=True)
    encoded["labels"] = encoded["input_ids"].copy()
    return encoded


def train(model, tokenizer, dataset):
    dataset = dataset.map(tokenize, fn_kwargs={"tokenizer": tokenizer})
    collator = DataCollatorForLanguageModeling(tokenizer, mlm=False)
    return Trainer(model=model, train_dataset=dataset, data_collator=collator)
