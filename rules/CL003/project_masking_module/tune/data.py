# The prompt's token length masks the labels through `mask_prompt`: measured on a prompt rendered without the
# generation prompt, the assistant header is trained as part of every reply. The twin measures the prompt with it.
from .formatting import Formatter
from .labels import mask_prompt


class SFTDataset:
    def __init__(self, rows, tokenizer):
        self.rows = rows
        self.tokenizer = tokenizer
        self.formatter = Formatter(tokenizer)

    def _ids(self, text):
        return self.tokenizer(text, add_special_tokens=False)["input_ids"]

    def __getitem__(self, index):
        messages = self.rows[index]["messages"]
        input_ids = self._ids(self.formatter.full(messages))
        prompt_len = len(self._ids(self.formatter.prompt(messages)))  # expect: CL003 "which masks the first `prompt_len` labels (tune/labels.py:8)"
        return {"input_ids": input_ids, "labels": mask_prompt(input_ids, prompt_len)}


class HeaderSFTDataset(SFTDataset):
    def __getitem__(self, index):
        messages = self.rows[index]["messages"]
        input_ids = self._ids(self.formatter.full(messages))
        prompt_len = len(self._ids(self.formatter.prompt_with_header(messages)))
        return {"input_ids": input_ids, "labels": mask_prompt(input_ids, prompt_len)}
