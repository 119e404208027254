# A tokenizer adapter: `encode` tokenizes with special tokens on, `encode_plain` with them off.


class Encoder:
    def __init__(self, tokenizer, max_length=2048):
        self.tokenizer = tokenizer
        self.max_length = max_length

    def encode(self, text):
        return self.tokenizer(text, truncation=True, max_length=self.max_length)["input_ids"]

    def encode_plain(self, text):
        return self.tokenizer(text, add_special_tokens=False)["input_ids"]

    @staticmethod
    def count(tokenizer, text):
        return len(tokenizer(text)["input_ids"])
