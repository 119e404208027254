# Collators: one masks labels by value (right only while padding is its own token), one by position.


class PadCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, batch):
        encoded = self.tokenizer([row["text"] for row in batch], padding=True, return_tensors="pt")
        labels = encoded["input_ids"].clone()
        labels[labels == self.tokenizer.pad_token_id] = -100
        encoded["labels"] = labels
        return encoded


class PositionCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, batch):
        encoded = self.tokenizer([row["text"] for row in batch], padding=True, return_tensors="pt")
        encoded["labels"] = encoded["input_ids"].masked_fill(encoded["attention_mask"] == 0, -100)
        return encoded
