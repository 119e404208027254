# The prompt's ids, counted, mask the labels of the full conversation. A list of ids (`return_dict=False`): slicing
# them is no BatchEncoding's misuse.
from .prompts import prompt_ids, prompt_ids_with_header


class ChatDataset:
    def __init__(self, rows, tokenizer):
        self.rows = rows
        self.tokenizer = tokenizer

    def __getitem__(self, index):
        messages = self.rows[index]["messages"]
        input_ids = self.tokenizer.apply_chat_template(messages, return_dict=False)
        labels = list(input_ids)
        count = len(prompt_ids(self.tokenizer, messages))  # expect: CL003 "through the helper `prompt_ids` (sftdata/prompts.py:5)"
        labels[:count] = [-100] * count
        return {"input_ids": input_ids, "labels": labels}

    def with_header(self, index):
        messages = self.rows[index]["messages"]
        input_ids = self.tokenizer.apply_chat_template(messages, return_dict=False)
        prompt = prompt_ids_with_header(self.tokenizer, messages)
        labels = [-100] * len(prompt) + input_ids[len(prompt) :]
        return {"input_ids": input_ids, "labels": labels, "prompt_tail": prompt[-4:]}
