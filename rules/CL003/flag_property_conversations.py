# A row class whose property gives the prompt turns (the conversation without its reply), rendered without the
# generation prompt to measure the masked part.
from dataclasses import dataclass
from typing import NamedTuple


class Example(NamedTuple):
    turns: list

    @property
    def context(self):
        return self.turns[:-1]


@dataclass
class Record:
    messages: list

    @property
    def history(self):
        return self.messages[:-1]


def encode(tokenizer, example: Example):
    prompt_ids = tokenizer.apply_chat_template(example.context, return_dict=False)  # expect: CL003 "the property `Example.context`"
    input_ids = tokenizer.apply_chat_template(example.turns, return_dict=False)
    return {"input_ids": input_ids, "labels": [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]}


def encode_record(tokenizer, messages):
    record = Record(messages)
    prompt_ids = tokenizer.apply_chat_template(record.history, return_dict=False)  # expect: CL003 "the property `Record.history`"
    input_ids = tokenizer.apply_chat_template(record.messages, return_dict=False)
    return {"input_ids": input_ids, "labels": [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]}
