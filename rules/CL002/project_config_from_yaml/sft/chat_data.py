from .prompts import render_prompt


class PromptDataset:
    def __init__(self, tokenizer, rows):
        self.tokenizer = tokenizer
        self.rows = rows

    def __getitem__(self, index):
        prompt = render_prompt(self.tokenizer, self.rows[index]["messages"])
        return self.tokenizer(prompt)["input_ids"]
