IGNORE_INDEX = -100


class InstructionSet:
    def __init__(self, rows, tokenizer, template):
        self.rows = rows
        self.tokenizer = tokenizer
        self.template = template

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        row = self.rows[index]
        prompt_ids = self.tokenizer(self.template.prompt(row), add_special_tokens=False)["input_ids"]  # expect: CL003 "through the helper `InstructionTemplate.prompt` (sft/templates.py:15)"
        input_ids = self.tokenizer(self.template.full(row), add_special_tokens=False)["input_ids"]
        labels = list(input_ids)
        labels[: len(prompt_ids)] = [IGNORE_INDEX] * len(prompt_ids)
        return {"input_ids": input_ids, "labels": labels}
