# The base class drives the tokenization: it masks the labels by the token length of the prompt its subclasses
# render (`render_prompt`, left to them), and trains on the rest of the whole render.
IGNORE_INDEX = -100


class PromptMaskedTrainer:
    def __init__(self, tokenizer, max_length=2048):
        self.tokenizer = tokenizer
        self.max_length = max_length

    def render_prompt(self, row):
        raise NotImplementedError

    def render_full(self, row):
        raise NotImplementedError

    def tokenize_row(self, row):
        prompt_ids = self.tokenizer(self.render_prompt(row), add_special_tokens=False)["input_ids"]
        input_ids = self.tokenizer(self.render_full(row), add_special_tokens=False)["input_ids"][: self.max_length]
        labels = [IGNORE_INDEX] * len(prompt_ids) + input_ids[len(prompt_ids) :]
        return {"input_ids": input_ids, "labels": labels[: len(input_ids)]}
