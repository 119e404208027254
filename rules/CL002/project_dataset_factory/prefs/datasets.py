class PromptDataset:
    def __init__(self, rows, tokenizer):
        self._rows = rows
        self.tokenizer = tokenizer

    def process(self, row):
        messages = [{"role": "user", "content": row["question"]}]
        return {
            "question": row["question"],
            "prompt_text": self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True),
        }

    def __getitem__(self, index):
        return self.process(self._rows[index])

    def __len__(self):
        return len(self._rows)


def create_dataset(rows, tokenizer):
    return PromptDataset(rows, tokenizer)


def load_dataset(path, tokenizer):
    import json

    with open(path) as handle:
        rows = [json.loads(line) for line in handle]
    return create_dataset(rows, tokenizer)
