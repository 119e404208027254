def _ignore_pad(rows, pad_id):
    return [[-100 if token == pad_id else token for token in row] for row in rows]


class ListCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, rows):
        batch = self.tokenizer([row["text"] for row in rows], padding=True)
        batch["labels"] = _ignore_pad(batch["input_ids"], self.tokenizer.pad_token_id)
        return batch
