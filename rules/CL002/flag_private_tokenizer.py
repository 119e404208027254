# A tokenizer kept in a private attribute (`self._tok`) is a tokenizer too.


class ChatEncoder:
    def __init__(self, tok):
        self._tok = tok

    def encode_chat(self, messages):
        text = self._tok.apply_chat_template(messages, tokenize=False)
        return self._tok(text, truncation=True)["input_ids"]  # expect: CL002 "`text` is rendered by `self._tok.apply_chat_template(..., tokenize=False)`"
