from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments

from .local_collators import ListCollator

CHECKPOINT = "meta-llama/Llama-3.1-8B-Instruct"


def train(dataset):
    tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)
    tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "`ListCollator` (sft/local_collators.py:2) masks labels by value"
    model = AutoModelForCausalLM.from_pretrained(CHECKPOINT)
    Trainer(model=model, args=TrainingArguments("out"), train_dataset=dataset, data_collator=ListCollator(tokenizer)).train()
