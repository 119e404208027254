from .encoders import ENCODERS, ID_LIST_ENCODERS


class ChoiceTask:
    def __init__(self, tokenizer, style):
        self.tokenizer = tokenizer
        self._encode = ENCODERS[style]

    def messages(self, doc):
        return [{"role": "user", "content": doc["question"]}]

    def prompt_ids(self, doc):
        return self._encode(self.tokenizer, self.messages(doc))


class ListChoiceTask(ChoiceTask):
    def __init__(self, tokenizer, style):
        self.tokenizer = tokenizer
        self._encode = ID_LIST_ENCODERS[style]
