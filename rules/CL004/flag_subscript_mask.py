# The most common mask by value: an item assignment whose index compares the ids with the pad id.
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("google/gemma-2-2b-it")
tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "and line 12 masks labels by value: `labels[labels == tokenizer.pad_token_id] = -100`"


def collate(batch):
    texts = [tokenizer.apply_chat_template(row["messages"], tokenize=False) for row in batch]
    encoded = tokenizer(texts, padding=True, return_tensors="pt", add_special_tokens=False)
    labels = encoded["input_ids"].clone()
    labels[labels == tokenizer.pad_token_id] = -100
    encoded["labels"] = labels
    return encoded
