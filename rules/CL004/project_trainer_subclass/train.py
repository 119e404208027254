from transformers import TrainingArguments

from chatft.loading import load_model_and_tokenizer
from chatft.trainer import MaskingTrainer


def main(train_dataset):
    model, tokenizer = load_model_and_tokenizer()
    args = TrainingArguments(output_dir="out", remove_unused_columns=False)
    trainer = MaskingTrainer(model=model, args=args, train_dataset=train_dataset, processing_class=tokenizer)  # expect: CL004 "`MaskingTrainer` masks labels by value (chatft/trainer.py:9)"
    trainer.train()
