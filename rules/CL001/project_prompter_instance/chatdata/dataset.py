# A dataset that renders through an instance of the imported `Prompter`: the whole conversation with the
# generation prompt (its default) trains an empty assistant header; the prompt alone, or the conversation with the
# generation prompt turned off, is right.
from .prompter import Prompter


class SupervisedChatDataset:
    def __init__(self, rows, tokenizer):
        self.rows = rows
        self.tokenizer = tokenizer
        self.prompter = Prompter(tokenizer)

    def __getitem__(self, index):
        text = self.prompter.build_prompt(self.rows[index]["messages"])  # expect: CL001 "the wrapper `Prompter.build_prompt` (chatdata/prompter.py:12)"
        ids = self.tokenizer(text, add_special_tokens=False)["input_ids"]
        return {"input_ids": ids, "labels": list(ids)}

    def prompt_length(self, index):
        prompt = self.prompter.build_prompt(self.rows[index]["messages"][:-1])
        return len(self.tokenizer(prompt, add_special_tokens=False)["input_ids"])

    def full_text(self, index):
        return self.prompter.build_prompt(self.rows[index]["messages"], add_generation_prompt=False)
