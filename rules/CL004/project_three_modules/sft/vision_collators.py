class CaptionCollator:
    def __init__(self, processor):
        self.processor = processor

    def __call__(self, rows):
        texts = [self.processor.apply_chat_template(row["messages"], tokenize=False) for row in rows]
        images = [row["image"] for row in rows]
        batch = self.processor(images=images, text=texts, add_special_tokens=False, padding=True, return_tensors="pt")
        labels = batch["input_ids"].clone()
        labels[labels == self.processor.tokenizer.pad_token_id] = -100
        batch["labels"] = labels
        return batch
