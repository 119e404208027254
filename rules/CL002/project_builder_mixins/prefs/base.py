class EncodingBase:
    def __init__(self, tokenizer, limit: int):
        self.tokenizer = tokenizer
        self.limit = limit

    def encode(self, text, **kwargs):
        return self.tokenizer(text, truncation=True, max_length=self.limit, **kwargs)["input_ids"]
