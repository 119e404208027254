# Columns marked private that hold the prompt only (`_system`, `_prompt`): rendered with the generation prompt for
# sampling, as they should be; the reply column is kept apart for scoring.
from functools import partial


def build(dataset, tokenizer):
    return dataset.map(partial(to_prompt, tokenizer), remove_columns=dataset.column_names)


def to_prompt(tokenizer, example):
    messages = example["_system"] + example["_prompt"]
    text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return {"prompt": text, "reference": example["_response"]}
