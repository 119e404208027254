# The splits a loader of the class returns are mapped in place, one split at a time (`splits[split] =
# splits[split].map(...)`): first rendered into `text`, then tokenized from `text` with special tokens on.
from datasets import load_dataset


def tokenize(example, tokenizer, max_len):
    tokens = tokenizer(example["text"], truncation=True, max_length=max_len)  # expect: CL002 "stored in column `text` by `splits[split].map("
    tokens["labels"] = tokens["input_ids"].copy()
    return tokens


def render(example, tokenizer):
    messages = [{"role": "user", "content": example["prompt"]}, {"role": "assistant", "content": example["answer"]}]
    return {"text": tokenizer.apply_chat_template(messages, tokenize=False)}


class Pipeline:
    def __init__(self, tokenizer, path):
        self.tokenizer = tokenizer
        self.path = path

    def _load(self):
        full = load_dataset(self.path, split="train")
        return full, full.train_test_split(test_size=0.1)

    def run(self):
        full, splits = self._load()
        for split in splits:
            splits[split] = splits[split].map(lambda ex: render(ex, self.tokenizer), remove_columns=full.column_names)
            splits[split] = splits[split].map(lambda ex: tokenize(ex, self.tokenizer, 512), remove_columns=["text"])
        return splits
