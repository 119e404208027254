class ChatCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, examples):
        texts = [
            self.tokenizer.apply_chat_template(example["messages"], tokenize=False, add_generation_prompt=True)
            for example in examples
        ]
        batch = self.tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
        batch["labels"] = batch["input_ids"].clone()
        return batch
