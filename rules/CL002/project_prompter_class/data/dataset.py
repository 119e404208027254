# A dataset holds a prompter built from the class of another module; what its methods return is rendered text.
from data.prompter import Prompter


class ChatDataset:
    def __init__(self, rows, tokenizer):
        self.rows = rows
        self.tokenizer = tokenizer
        self.prompter = Prompter(tokenizer)

    def __getitem__(self, index):
        example = self.rows[index]
        text = self.prompter.full_text(example)
        encoded = self.tokenizer(text, truncation=True, max_length=2048)  # expect: CL002 "returned by `Prompter.full_text`"
        prompt = self.prompter.prompt_text(example)  # expect: CL003 "through the helper `Prompter.prompt_text` (data/prompter.py:12)"
        n = len(self.tokenizer(prompt, add_special_tokens=False)["input_ids"])
        labels = list(encoded["input_ids"])
        labels[:n] = [-100] * n
        return {"input_ids": encoded["input_ids"], "labels": labels}


def evaluate(rows, tokenizer):
    prompter = Prompter(tokenizer)
    texts = [prompter.full_text(row) for row in rows]
    return [tokenizer(text, add_special_tokens=False)["input_ids"] for text in texts]
