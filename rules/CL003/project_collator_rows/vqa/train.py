# Fine-tune a vision-language model on question answering, on the answers only.
from transformers import AutoModelForImageTextToText, AutoProcessor, Trainer, TrainingArguments

from .collate import AnswerOnlyCollator, HeaderAwareCollator
from .data import load_split


def main(model_id, dataset, output_dir, header_aware=False):
    processor = AutoProcessor.from_pretrained(model_id)
    model = AutoModelForImageTextToText.from_pretrained(model_id)
    collator = HeaderAwareCollator(processor) if header_aware else AnswerOnlyCollator(processor)
    trainer = Trainer(
        model=model,
        args=TrainingArguments(output_dir=output_dir, remove_unused_columns=False),
        train_dataset=load_split(dataset, processor),
        data_collator=collator,
    )
    trainer.train()
