# The flag and the call in disguise: defaults, dataclass fields, __init__ attributes, **kwargs, aliases,
# functools.partial and thin wrappers.
import functools
from dataclasses import dataclass


class DefaultCollator:
    def __init__(self, tokenizer, add_generation_prompt=True):  # expect: CL001 "(set by the default of parameter `add_generation_prompt` of `DefaultCollator.__init__`)"
        self.tokenizer = tokenizer
        self.add_generation_prompt = add_generation_prompt

    def __call__(self, examples):
        ids = [
            self.tokenizer.apply_chat_template(example["messages"], add_generation_prompt=self.add_generation_prompt)
            for example in examples
        ]
        return {"input_ids": ids, "labels": ids}


@dataclass
class FieldCollator:
    tokenizer: object
    add_generation_prompt: bool = True  # expect: CL001 "(set by the field `add_generation_prompt` of `FieldCollator`)"

    def __call__(self, examples):
        batch = {"input_ids": [], "labels": []}
        for example in examples:
            ids = self.tokenizer.apply_chat_template(
                example["messages"], add_generation_prompt=self.add_generation_prompt
            )
            batch["input_ids"].append(ids)
            batch["labels"].append(ids)
        return batch


def kwargs_dict(tokenizer, example):
    template_kwargs = {"tokenize": False, "add_generation_prompt": True}  # expect: CL001 "with `add_generation_prompt=True` (set by the `**template_kwargs` dict)"
    text = tokenizer.apply_chat_template(example["messages"], **template_kwargs)
    return {"text": text, "labels": text}


def through_alias(tokenizer, examples):
    render = tokenizer.apply_chat_template
    input_ids = [render(example["messages"], add_generation_prompt=True) for example in examples]  # expect: CL001 "with `add_generation_prompt=True` through the alias `render`"
    return {"input_ids": input_ids, "labels": input_ids}


def through_partial(tokenizer, examples):
    render = functools.partial(tokenizer.apply_chat_template, add_generation_prompt=True)  # expect: CL001 "with `add_generation_prompt=True` (set by the `functools.partial` `render`)"
    input_ids = [render(example["messages"]) for example in examples]
    return {"input_ids": input_ids, "labels": input_ids}


class WrapperCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def render(self, conversation, add_generation_prompt=False):
        return self.tokenizer.apply_chat_template(
            conversation, tokenize=False, add_generation_prompt=add_generation_prompt
        )

    def __call__(self, examples):
        texts = [self.render(example["messages"], add_generation_prompt=True) for example in examples]  # expect: CL001 'in `WrapperCollator.__call__`, which assigns `batch["labels"]`, with `add_generation_prompt=True` through the wrapper `WrapperCollator.render`'
        batch = self.tokenizer(texts, add_special_tokens=False)
        batch["labels"] = batch["input_ids"]
        return batch
