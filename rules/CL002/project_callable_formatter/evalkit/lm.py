# The formatter is called like a function (`self.formatter(context)`, `fmt(context)`): what its `__call__` returns is
# the render, which goes to the tokenizer again with special tokens on.
from transformers import AutoTokenizer

from .formatting import ChatFormatter, PlainFormatter


class ChatLM:
    def __init__(self, checkpoint, use_chat_template=True):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)
        self.formatter = ChatFormatter(self.tokenizer) if use_chat_template else None
        self.plain = PlainFormatter()

    def format_context(self, context):
        return self.formatter(context) if self.formatter is not None else context

    def encode_context(self, context):
        return self.tokenizer(self.format_context(context))  # expect: CL002 "returned by `ChatFormatter.__call__`, returned by `ChatLM.format_context`"

    def encode_plain(self, context):
        return self.tokenizer(self.plain(context))  # no render: PlainFormatter.__call__ returns the context


def encode_batch(checkpoint, contexts):
    tokenizer = AutoTokenizer.from_pretrained(checkpoint)
    fmt = ChatFormatter(tokenizer)
    texts = [fmt(context) for context in contexts]
    return tokenizer(texts, padding=True)  # expect: CL002 "holds texts rendered by"


def encode_batch_without_specials(checkpoint, contexts):
    tokenizer = AutoTokenizer.from_pretrained(checkpoint)
    fmt = ChatFormatter(tokenizer)
    return tokenizer([fmt(context) for context in contexts], add_special_tokens=False, padding=True)
