# A conversion step wrote the conversation's parts into columns marked private (`_system`, `_prompt`, `_response`);
# the text step joins them, so the conversation ends with the reply, and renders it with the generation prompt.
from functools import partial


def build(dataset, tokenizer, text_field):
    return dataset.map(partial(to_text, text_field, tokenizer), remove_columns=dataset.column_names)


def to_text(field_name, tokenizer, example):
    messages = example["_system"] + example["_prompt"] + example["_response"]
    return {field_name: tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)}  # expect: CL001 "which ends with the reply"
