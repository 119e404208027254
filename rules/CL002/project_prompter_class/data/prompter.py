# A prompter class: its methods render conversations to text with the chat template.


class Prompter:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def full_text(self, example):
        return self.tokenizer.apply_chat_template(example["messages"], tokenize=False)

    def prompt_text(self, example):
        return self.tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False)
