# The pad token becomes EOS, and a collator masks labels wherever they equal the pad id.
import torch
from transformers import AutoTokenizer, DataCollatorForLanguageModeling
from trl import DataCollatorForCompletionOnlyLM

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "padding the EOS token, and line 9 masks labels by value: `DataCollatorForLanguageModeling`"

collator = DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=False)


class ChatCollator:
    def __init__(self, tokenizer, max_length=2048):
        self.tokenizer = tokenizer
        self.max_length = max_length

    def __call__(self, examples):
        texts = [self.tokenizer.apply_chat_template(e["messages"], tokenize=False) for e in examples]
        batch = self.tokenizer(
            texts,
            padding=True,
            truncation=True,
            max_length=self.max_length,
            return_tensors="pt",
            add_special_tokens=False,
        )
        labels = batch["input_ids"].clone()
        labels[labels == self.tokenizer.pad_token_id] = -100
        batch["labels"] = labels
        return batch


def make_completion_collator(model_name):
    tok = AutoTokenizer.from_pretrained(model_name)
    if tok.pad_token is None:
        tok.pad_token_id = tok.eos_token_id  # expect: CL004 "and line 37 masks labels by value: `DataCollatorForCompletionOnlyLM`"
    return DataCollatorForCompletionOnlyLM("<|im_start|>assistant\n", tokenizer=tok)


def where_masking(batch, tokenizer):
    batch["labels"] = torch.where(batch["input_ids"] == tokenizer.pad_token_id, -100, batch["input_ids"])
    return batch
