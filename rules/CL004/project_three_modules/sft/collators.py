from . import label_utils


class PaddedCollator:
    def __init__(self, tokenizer, max_length=1024):
        self.tokenizer = tokenizer
        self.max_length = max_length

    def __call__(self, rows):
        texts = [row["text"] for row in rows]
        batch = self.tokenizer(texts, padding=True, truncation=True, max_length=self.max_length, return_tensors="pt")
        batch["labels"] = label_utils.drop_padding(batch["input_ids"], self.tokenizer.pad_token_id)
        return batch


class AttentionCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, rows):
        batch = self.tokenizer([row["text"] for row in rows], padding=True, return_tensors="pt")
        batch["labels"] = label_utils.drop_by_attention(batch["input_ids"], batch["attention_mask"])
        return batch


class TokenCollator:
    def __init__(self, tokenizer, image_token_id=None):
        self.tokenizer = tokenizer
        self.image_token_id = image_token_id

    def __call__(self, rows):
        batch = self.tokenizer([row["text"] for row in rows], padding=True, return_tensors="pt")
        labels = label_utils.drop_token(batch["input_ids"], self.image_token_id)
        batch["labels"] = label_utils.drop_token(labels, token_id=self.tokenizer.pad_token_id)
        return batch


class ImageCollator:
    def __init__(self, tokenizer, image_token_id):
        self.tokenizer = tokenizer
        self.image_token_id = image_token_id

    def __call__(self, rows):
        batch = self.tokenizer([row["text"] for row in rows], padding=True, return_tensors="pt")
        # only the image placeholder is masked by value; padding goes by the attention mask
        labels = label_utils.drop_token(batch["input_ids"], self.image_token_id)
        batch["labels"] = labels.masked_fill(batch["attention_mask"] == 0, label_utils.IGNORE_INDEX)
        return batch
