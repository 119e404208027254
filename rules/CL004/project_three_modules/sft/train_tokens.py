from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

from .collators import ImageCollator, TokenCollator
from .tokenizers import load_tokenizer

CHECKPOINT = "meta-llama/Llama-3.1-8B-Instruct"


def train(dataset, image_token_id):
    tokenizer = load_tokenizer(CHECKPOINT)
    model = AutoModelForCausalLM.from_pretrained(CHECKPOINT)
    collator = TokenCollator(tokenizer, image_token_id)  # expect: CL004 "`TokenCollator` masks labels by value (sft/label_utils.py:18)"
    Trainer(model=model, args=TrainingArguments("out"), train_dataset=dataset, data_collator=collator).train()


def train_images(dataset, image_token_id):
    tokenizer = load_tokenizer(CHECKPOINT)
    model = AutoModelForCausalLM.from_pretrained(CHECKPOINT)
    collator = ImageCollator(tokenizer, image_token_id)
    Trainer(model=model, args=TrainingArguments("out"), train_dataset=dataset, data_collator=collator).train()
