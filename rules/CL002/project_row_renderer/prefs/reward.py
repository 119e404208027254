# A reward-model transform that tokenizes the prompt joined to each answer: the prompt column of `render_row` is
# a render, so special tokens must stay off; the rows of `plain_row` are the dataset's own text.
from .rows import plain_row, render_row


class RewardTransform:
    def __init__(self, tokenizer, max_length=1024):
        self.tokenizer = tokenizer
        self.max_length = max_length

    def __call__(self, example):
        row = render_row(example, self.tokenizer)
        chosen = row["prompt"] + row["chosen"]
        chosen_ids = self.tokenizer(chosen, truncation=True, max_length=self.max_length)  # expect: CL002 "returned by `render_row`"
        rejected_ids = self.tokenizer(row["prompt"] + row["rejected"], add_special_tokens=False)
        return {"input_ids_chosen": chosen_ids["input_ids"], "input_ids_rejected": rejected_ids["input_ids"]}


def tokenize_plain(example, tokenizer):
    row = plain_row(example)
    return tokenizer(row["prompt"] + row["chosen"], truncation=True)
