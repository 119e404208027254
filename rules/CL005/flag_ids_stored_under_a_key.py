# versions: transformers>=5
# A dataset processor stores each tokenizing render under a key of the row, named by a constant, and reads it back
# by that key as a list of ids: its length, and a copy of it as the labels. From transformers 5 each is a
# `BatchEncoding`, whose length is its number of keys.
import copy

PROMPT_IDS_KEY = "prompt_token_ids"
FULL_IDS_KEY = "full_token_ids"


class SFTProcessor:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def tokenize(self, dataset):
        def tokenize_row(row):
            row[PROMPT_IDS_KEY] = self.tokenizer.apply_chat_template(row["messages"][:-1], add_generation_prompt=True)  # expect: CL005 "`len(row[PROMPT_IDS_KEY])`"
            row[FULL_IDS_KEY] = self.tokenizer.apply_chat_template(row["messages"])  # expect: CL005 "`len(row[FULL_IDS_KEY])`"
            row["attention_mask"] = [1] * len(row[FULL_IDS_KEY])
            labels = copy.deepcopy(row[FULL_IDS_KEY])
            labels[: len(row[PROMPT_IDS_KEY])] = [-100] * len(row[PROMPT_IDS_KEY])
            row["labels"] = labels
            return row

        return dataset.map(tokenize_row)
