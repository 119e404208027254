# Formatter objects called like functions, left alone: the render tokenized without special tokens, a formatter whose
# `__call__` renders nothing, and a called object that is not an instance of a class of the module.
from transformers import AutoTokenizer

CHECKPOINT = "meta-llama/Llama-3.1-8B-Instruct"


class ChatFormatter:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, context):
        messages = [{"role": "user", "content": context}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


class Prefixer:
    def __init__(self, prefix):
        self.prefix = prefix

    def __call__(self, context):
        return self.prefix + context


class Evaluator:
    def __init__(self, formatter_factory):
        self.tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)
        self.formatter = ChatFormatter(self.tokenizer)
        self.prefixer = Prefixer("Question: ")
        self.other = formatter_factory(self.tokenizer)

    def encode(self, context):
        return self.tokenizer(self.formatter(context), add_special_tokens=False)

    def encode_plain(self, context):
        return self.tokenizer(self.prefixer(context))

    def encode_other(self, context):
        return self.tokenizer(self.other(context))
