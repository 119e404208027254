# A class of the project with a method named `apply_chat_template` of its own, which returns a list of ids whatever
# the tokenizer returns: its callers use a list, not a `BatchEncoding`.
class TextAdapter:
    def __init__(self, tokenizer):
        self._tokenizer = tokenizer

    def apply_chat_template(self, messages):
        ids = self._tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
        if hasattr(ids, "tolist"):
            ids = ids.tolist()
        return [int(token) for token in ids]

    def build_payload(self, messages):
        ids = self.apply_chat_template(messages)
        return {"input_ids": ids, "length": len(ids)}
