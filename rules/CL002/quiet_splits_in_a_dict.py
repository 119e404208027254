# The twin: the splits are tokenized from their `text` (plain documents) before a render is set in their place,
# for another use.
from datasets import load_dataset


def tokenize(example, tokenizer, max_len):
    tokens = tokenizer(example["text"], truncation=True, max_length=max_len)
    tokens["labels"] = tokens["input_ids"].copy()
    return tokens


def render(example, tokenizer):
    messages = [{"role": "user", "content": example["text"]}]
    return {"text": tokenizer.apply_chat_template(messages, tokenize=False)}


class Pipeline:
    def __init__(self, tokenizer, path):
        self.tokenizer = tokenizer
        self.path = path

    def _load(self):
        full = load_dataset(self.path, split="train")
        return full, full.train_test_split(test_size=0.1)

    def run(self):
        _, splits = self._load()
        encoded = {}
        for split in splits:
            encoded[split] = splits[split].map(lambda ex: tokenize(ex, self.tokenizer, 512), remove_columns=["text"])
            splits[split] = splits[split].map(lambda ex: render(ex, self.tokenizer))
        return encoded, splits
