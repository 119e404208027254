"""The training entry point: padding with the EOS token, then a collator that masks padding by value."""

from __future__ import annotations

from transformers import AutoModelForCausalLM, AutoTokenizer, DataCollatorForLanguageModeling, Trainer

from chat_sft.prepare import build


def main(model_name: str, dataset) -> None:
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained(model_name)
    collator = DataCollatorForLanguageModeling(tokenizer, mlm=False)
    Trainer(model=model, train_dataset=build(dataset, tokenizer), data_collator=collator).train()
