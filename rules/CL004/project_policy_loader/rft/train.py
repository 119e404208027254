from transformers import Trainer, TrainingArguments

from .collate import TranscriptCollator
from .modeling import load_padded_policy, load_policy


def train(dataset, output_dir):
    model, tokenizer = load_policy()
    trainer = Trainer(
        model=model,
        args=TrainingArguments(output_dir),
        train_dataset=dataset,
        data_collator=TranscriptCollator(tokenizer, max_length=2048),  # expect: CL004 "the tokenizer comes from `load_policy` (rft/modeling.py:9)"
    )
    trainer.train()


def train_padded(dataset, output_dir):
    model, tokenizer = load_padded_policy()
    Trainer(model=model, args=TrainingArguments(output_dir), train_dataset=dataset, data_collator=TranscriptCollator(tokenizer)).train()
