from transformers import TrainingArguments

from chatft.loading import load_with_pad_tokenizer
from chatft.trainer import MaskingTrainer


def main(train_dataset):
    model, tokenizer = load_with_pad_tokenizer()
    args = TrainingArguments(output_dir="out", remove_unused_columns=False)
    trainer = MaskingTrainer(model=model, args=args, train_dataset=train_dataset, processing_class=tokenizer)
    trainer.train()
