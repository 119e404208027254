# Rendered conversations handed to the adapter's methods: `encode` adds a second BOS, `encode_plain` does not, and
# a plain document needs the BOS `encode` gives it.
from .encoding import Encoder


class ChatDataset:
    def __init__(self, rows, tokenizer):
        self.rows = rows
        self.tokenizer = tokenizer
        self.encoder = Encoder(tokenizer)

    def __getitem__(self, index):
        text = self.tokenizer.apply_chat_template(self.rows[index]["messages"], tokenize=False)
        ids = self.encoder.encode(text)  # expect: CL002 "through the helper `Encoder.encode`"
        return {"input_ids": ids, "labels": list(ids)}

    def plain(self, index):
        text = self.tokenizer.apply_chat_template(self.rows[index]["messages"], tokenize=False)
        ids = self.encoder.encode_plain(text)
        return {"input_ids": ids, "labels": list(ids)}

    def document(self, index):
        ids = self.encoder.encode(self.rows[index]["document"])
        return {"input_ids": ids, "labels": list(ids)}


def tokenize(example, tokenizer):
    encoder = Encoder(tokenizer)
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return {"input_ids": encoder.encode(text)}  # expect: CL002 "through the helper `Encoder.encode`"
