# versions: transformers>=5
# The twin of flag_ids_stored_under_a_key.py, written for transformers 5: the processor reads each stored result
# by key (`["input_ids"]`), as a `BatchEncoding`, or replaces it with its ids before any other read.
PROMPT_KEY = "prompt_encoding"


class SFTProcessor:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def tokenize(self, dataset):
        def tokenize_row(row):
            row[PROMPT_KEY] = self.tokenizer.apply_chat_template(row["messages"][:-1], add_generation_prompt=True)
            row["prompt_length"] = len(row[PROMPT_KEY]["input_ids"])
            row["full"] = self.tokenizer.apply_chat_template(row["messages"])
            row["full"] = row["full"]["input_ids"]
            row["attention_mask"] = [1] * len(row["full"])
            return row

        return dataset.map(tokenize_row)
