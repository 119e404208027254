class ChatRenderer:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def _ids(self, text):
        return self.tokenizer(text, add_special_tokens=False)["input_ids"]

    def prompt_ids(self, messages):
        return self._ids(self.tokenizer.apply_chat_template(messages, tokenize=False))

    def conversation_ids(self, messages, completion):
        full = [*messages, {"role": "assistant", "content": completion}]
        return self._ids(self.tokenizer.apply_chat_template(full, tokenize=False))

    def generation_ids(self, messages):
        return self._ids(self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True))
