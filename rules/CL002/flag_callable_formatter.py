# A formatter object called like a function: what its `__call__` returns is a render, tokenized again here with
# special tokens on (the instance kept in an attribute, built only when a switch is on, or in a local name).
from transformers import AutoTokenizer

CHECKPOINT = "meta-llama/Llama-3.1-8B-Instruct"


class ChatFormatter:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, context):
        messages = [{"role": "user", "content": context}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


class Evaluator:
    def __init__(self, use_chat_template=True):
        self.tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)
        self.formatter = ChatFormatter(self.tokenizer) if use_chat_template else None

    def encode(self, context):
        text = self.formatter(context)
        return self.tokenizer(text, return_tensors="pt")  # expect: CL002 "returned by `ChatFormatter.__call__`"


def encode_all(contexts):
    tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)
    formatter = ChatFormatter(tokenizer)
    return [tokenizer.encode(formatter(context)) for context in contexts]  # expect: CL002 "`formatter(context)` is rendered by"
