# Properties that give the prompt turns, rendered with the generation prompt; and a property that is not a
# conversation cut (the full turns), or an attribute of an object whose class is not shown.
from typing import NamedTuple


class Example(NamedTuple):
    turns: list

    @property
    def context(self):
        return self.turns[:-1]

    @property
    def everything(self):
        return list(self.turns)


def encode(tokenizer, example: Example):
    prompt_ids = tokenizer.apply_chat_template(example.context, add_generation_prompt=True, return_dict=False)
    input_ids = tokenizer.apply_chat_template(example.turns, return_dict=False)
    return {"input_ids": input_ids, "labels": [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]}


def encode_unknown(tokenizer, example):
    prompt_ids = tokenizer.apply_chat_template(example.context, return_dict=False)
    input_ids = tokenizer.apply_chat_template(example.turns, return_dict=False)
    return {"input_ids": input_ids, "labels": [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]}
