from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

from .collators import PaddedCollator
from .tokenizers import load_tokenizer_with_pad

CHECKPOINT = "meta-llama/Llama-3.1-8B-Instruct"


def train(dataset):
    # a pad token of its own: masking it by value drops padding only
    tokenizer = load_tokenizer_with_pad(CHECKPOINT)
    model = AutoModelForCausalLM.from_pretrained(CHECKPOINT)
    model.resize_token_embeddings(len(tokenizer))
    collator = PaddedCollator(tokenizer)
    Trainer(model=model, args=TrainingArguments("out"), train_dataset=dataset, data_collator=collator).train()
