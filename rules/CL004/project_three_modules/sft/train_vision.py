# A vision model's processor, loaded by a function of another module that pads its tokenizer with EOS, handed to a
# collator of a third module that masks labels by value; the loader that adds a pad token of its own is fine.
from transformers import AutoModelForVision2Seq, Trainer, TrainingArguments

from .processors import load_processor, load_processor_with_pad
from .vision_collators import CaptionCollator

CHECKPOINT = "meta-llama/Llama-3.2-11B-Vision-Instruct"


def train(dataset):
    processor = load_processor(CHECKPOINT)
    model = AutoModelForVision2Seq.from_pretrained(CHECKPOINT)
    collator = CaptionCollator(processor)  # expect: CL004 "`load_processor` (sft/processors.py:6)"
    Trainer(model=model, args=TrainingArguments("out"), train_dataset=dataset, data_collator=collator).train()


def train_with_pad(dataset):
    processor = load_processor_with_pad(CHECKPOINT)
    model = AutoModelForVision2Seq.from_pretrained(CHECKPOINT)
    model.resize_token_embeddings(len(processor.tokenizer))
    collator = CaptionCollator(processor)
    Trainer(model=model, args=TrainingArguments("out"), train_dataset=dataset, data_collator=collator).train()
