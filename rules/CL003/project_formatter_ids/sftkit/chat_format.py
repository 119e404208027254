# Renders conversations with the tokenizer's own chat template, as ids (the text tokenized without special tokens).


class ChatFormatter:
    def __init__(self, tokenizer, max_length=4096):
        self.tok = tokenizer
        self.max_length = max_length

    def _ids(self, text):
        return self.tok(text, add_special_tokens=False, truncation=True, max_length=self.max_length)["input_ids"]

    def encode_conversation(self, messages):
        text = self.tok.apply_chat_template(messages, tokenize=False)
        return self._ids(text)

    def encode_context(self, messages):
        text = self.tok.apply_chat_template(messages, tokenize=False)
        return self._ids(text)

    def encode_prompt(self, messages):
        text = self.tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self._ids(text)
