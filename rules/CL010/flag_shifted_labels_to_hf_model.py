# Labels shifted in the code, then shifted again by the Hugging Face model's loss.
from transformers import Trainer


def training_step(model, batch):
    input_ids = batch["input_ids"]
    labels = input_ids[:, 1:]
    outputs = model(input_ids=input_ids[:, :-1], labels=labels)  # expect: CL010 "`input_ids[:, 1:]` shifts the labels by one and is passed as the labels of `model(input_ids="
    return outputs.loss


def evaluate(self, batch):
    return self.model(input_ids=batch["input_ids"], labels=batch["input_ids"][..., 1:]).loss  # expect: CL010 "a Hugging Face causal LM shifts its labels again inside the loss"


def tokenize(example, tokenizer):
    ids = tokenizer(example["text"])["input_ids"]
    return {"input_ids": ids[:-1], "labels": ids[1:]}  # expect: CL010 "is stored as the `labels` of the rows"


def shifted_mask(example, tokenizer):
    encoded = tokenizer(example["text"])
    labels = [token if keep else -100 for token, keep in zip(encoded["input_ids"], example["mask"])]
    encoded["labels"] = labels[1:]  # expect: CL010 "which `Trainer` feeds to the model"
    return encoded


def train(model, dataset):
    return Trainer(model=model, train_dataset=dataset.map(tokenize))


def spread_batch(model, batch):
    batch["labels"] = batch["input_ids"][:, 1:]
    return model(**batch).loss  # expect: CL010 "is passed as the labels of `model(**batch)`"
