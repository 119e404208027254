# The base of a registry of formatters: its `_ids` renders the conversation it is given as a list of ids, with the
# flags its caller passes; the subclasses in other modules decide which tokens are trained on.
IGNORE_INDEX = -100


class Formatter:
    def __init__(self, tokenizer, max_length=4096):
        self.tokenizer = tokenizer
        self.max_length = max_length

    def _ids(self, messages: list[dict], **kwargs) -> list[int]:
        return self.tokenizer.apply_chat_template(messages, tokenize=True, return_dict=False, **kwargs)

    def _pack(self, input_ids, labels):
        return {"input_ids": input_ids[: self.max_length], "labels": labels[: self.max_length]}


def render_ids(tokenizer, messages, **kwargs):
    return tokenizer.apply_chat_template(messages, tokenize=True, return_dict=False, **kwargs)
