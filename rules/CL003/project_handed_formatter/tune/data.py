IGNORE_INDEX = -100


class SupervisedSet:
    def __init__(self, rows, formatter, tokenizer):
        self.rows = rows
        self.formatter = formatter
        self.tokenizer = tokenizer

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        example = self.rows[index]
        prompt_ids = self.tokenizer(self.formatter.prompt_text(example), add_special_tokens=False)["input_ids"]  # expect: CL003 "through the helper `ChatFormatter.prompt_text` (tune/formats.py:11)"
        input_ids = self.tokenizer(self.formatter.full_text(example), add_special_tokens=False)["input_ids"]
        labels = [IGNORE_INDEX] * len(prompt_ids) + input_ids[len(prompt_ids) :]
        return {"input_ids": input_ids, "labels": labels}


class PromptedSet:
    def __init__(self, rows, formatter, tokenizer):
        self.rows = rows
        self.formatter = formatter
        self.tokenizer = tokenizer

    def __getitem__(self, index):
        example = self.rows[index]
        prompt_ids = self.tokenizer(self.formatter.prompt_text(example), add_special_tokens=False)["input_ids"]
        input_ids = self.tokenizer(self.formatter.full_text(example), add_special_tokens=False)["input_ids"]
        labels = [IGNORE_INDEX] * len(prompt_ids) + input_ids[len(prompt_ids) :]
        return {"input_ids": input_ids, "labels": labels}
