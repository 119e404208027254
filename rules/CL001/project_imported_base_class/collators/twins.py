# The same base class where nothing is wrong. Quiet: the generation prompt on the prompt turns only (the reply is
# cut off) for generation; a subclass with its own `render` that never adds it; the rendered text tokenized with
# special tokens off.
from collators import base


class GenerationCollator(base.BaseCollator):
    def __call__(self, batch):
        prompts = [self.render(example["messages"][:-1], add_generation_prompt=True) for example in batch]
        return self.tokenizer(prompts, add_special_tokens=False, padding=True, return_tensors="pt")


class OwnRenderCollator(base.BaseCollator):
    def render(self, messages, add_generation_prompt=False):
        return "\n".join(message["content"] for message in messages)

    def __call__(self, batch):
        texts = [self.render(example["messages"], True) for example in batch]
        encoded = self.tokenizer(texts, padding=True, return_tensors="pt")
        encoded["labels"] = encoded["input_ids"].clone()
        return encoded


class PlainCollator(base.BaseCollator):
    def __call__(self, batch):
        texts = [self.render(example["messages"]) for example in batch]
        encoded = self.tokenizer(texts, add_special_tokens=False, padding=True, return_tensors="pt")
        encoded["labels"] = encoded["input_ids"].clone()
        return encoded
