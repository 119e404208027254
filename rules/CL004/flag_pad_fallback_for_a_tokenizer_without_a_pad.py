# The twins of quiet_pad_fallback_for_a_tokenizer_with_a_pad.py: Llama 3.1's tokenizer has no pad token, so the
# fallback runs and the collator masks every EOS target.
import argparse

from transformers import AutoModelForCausalLM, AutoTokenizer, DataCollatorForLanguageModeling, Trainer, TrainingArguments


class Settings:
    BASE_MODEL = "meta-llama/Llama-3.1-8B-Instruct"


def main(dataset):
    tokenizer = AutoTokenizer.from_pretrained(Settings.BASE_MODEL)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "masks labels by value"
    model = AutoModelForCausalLM.from_pretrained(Settings.BASE_MODEL)
    collator = DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=False)
    Trainer(model=model, args=TrainingArguments("out"), train_dataset=dataset, data_collator=collator).train()



# Gemma 4, whose tokenizer the family table does not know: the fallback may run, and the mask is reported.
def main_gemma_4(dataset):
    tokenizer = AutoTokenizer.from_pretrained("google/gemma-4-e4b-it")
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "masks labels by value"
    model = AutoModelForCausalLM.from_pretrained("google/gemma-4-e4b-it")
    collator = DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=False)
    Trainer(model=model, args=TrainingArguments("out"), train_dataset=dataset, data_collator=collator).train()
