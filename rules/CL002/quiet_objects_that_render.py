# The twins: the object that renders is called with special tokens off; a module of the project's own with an
# `apply_chat_template` function and an `encode` of its own (not a tokenizer's method); an instance of a class
# the code shows, whose `__call__` is its own.
import prompting


class VisionCollator:
    def __init__(self, processor):
        self.proc = processor

    def _encode(self, messages, images):
        text = self.proc.apply_chat_template(messages, tokenize=False, add_generation_prompt=False)
        return self.proc(text=text, images=images, return_tensors="pt", add_special_tokens=False)


class Scorer:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def apply_chat_template(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def __call__(self, text):
        return len(text.split())


def score(tokenizer, messages):
    text = prompting.apply_chat_template(messages)
    scorer = Scorer(tokenizer)
    rendered = scorer.apply_chat_template(messages)
    return prompting.encode(text), scorer(rendered)
