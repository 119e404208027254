class PromptBuilder:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def build(self, row):
        messages = [{"role": "user", "content": row["question"]}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def build_ids(self, row):
        return self.tokenizer(self.build(row), add_special_tokens=False)["input_ids"]
