# pad = EOS in code that builds no labels, or masking that already knows about EOS.
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer, DataCollatorForLanguageModeling

tokenizer = AutoTokenizer.from_pretrained("gpt2")
tokenizer.pad_token = tokenizer.eos_token
model = AutoModelForCausalLM.from_pretrained("gpt2")


def generate(prompts):
    batch = tokenizer(prompts, padding=True, return_tensors="pt")
    out = model.generate(**batch, pad_token_id=tokenizer.eos_token_id, max_new_tokens=64)
    return tokenizer.batch_decode(out, skip_special_tokens=True)


def score(texts):
    batch = tokenizer(texts, padding=True, return_tensors="pt")
    with torch.no_grad():
        logits = model(**batch).logits
    return logits[:, -1].softmax(-1)


def guarded_mask(batch):
    labels = batch["input_ids"].clone()
    if tokenizer.pad_token_id != tokenizer.eos_token_id:
        labels[labels == tokenizer.pad_token_id] = -100
    else:
        labels[batch["attention_mask"] == 0] = -100
    batch["labels"] = labels
    return batch


# masked language modelling (mlm defaults to True) masks random tokens, not padding by value
mlm_collator = DataCollatorForLanguageModeling(tokenizer=tokenizer)


def local_pad_elsewhere(batch):
    # a local pad id that is EOS, but the masking in this function compares with another name
    pad_token_id = tokenizer.eos_token_id
    padded = [row + [pad_token_id] * (8 - len(row)) for row in batch]
    return padded
