# Fine-tunes the project's one checkpoint; the rows are rendered with the shared formatter.
from datasets import load_dataset
from transformers import Trainer, TrainingArguments

from chat_format import render, to_messages
from collate import CaptionCollator
from modeling import load_model_and_processor


def to_text(example, processor):
    messages = to_messages(example["question"], example["answer"])
    return {"text": render(processor, messages, add_generation_prompt=True)}  # expect: CL001 "`render`"


def main():
    model, processor = load_model_and_processor()
    rows = load_dataset("HuggingFaceM4/ChartQA", split="train")
    args = TrainingArguments(output_dir="out", remove_unused_columns=False)
    trainer = Trainer(model=model, args=args, train_dataset=rows, data_collator=CaptionCollator(processor))
    return trainer, rows.map(to_text, fn_kwargs={"processor": processor})
