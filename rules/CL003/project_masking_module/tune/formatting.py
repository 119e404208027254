# Renders conversations and their prompts.


class Formatter:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def full(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False)

    def prompt(self, messages):
        return self.tokenizer.apply_chat_template(messages[:-1], tokenize=False)

    def prompt_with_header(self, messages):
        return self.tokenizer.apply_chat_template(messages[:-1], tokenize=False, add_generation_prompt=True)
