class Builder:
    def __init__(self, tokenizer, max_length=2048):
        self.tokenizer = tokenizer
        self.max_length = max_length

    def conversation(self, record):
        return list(record["messages"])

    def render(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False)

    def build(self, record):
        text = self.render(self.conversation(record))
        input_ids = self.tokenizer(text, add_special_tokens=False, truncation=True, max_length=self.max_length)["input_ids"]
        return {"input_ids": input_ids, "labels": list(input_ids)}
