from transformers import Trainer, TrainingArguments

from .collate import VisionChatCollator


def train(model, processor, dataset, output_dir, max_length=2048):
    trainer = Trainer(
        model=model,
        args=TrainingArguments(output_dir, remove_unused_columns=False),
        train_dataset=dataset,
        data_collator=VisionChatCollator(processor, max_length, True),
    )
    trainer.train()
