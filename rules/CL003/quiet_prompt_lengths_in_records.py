# The twins of flag_prompt_lengths_in_records.py: the prompt rendered with the generation prompt; a length stored
# under a name that says nothing of where training starts (a statistic); a record without the full render's ids.
from dataclasses import dataclass


@dataclass
class Encoded:
    input_ids: list[int]
    prompt_len: int


def encode_record(tokenizer, conversation):
    full_ids = tokenizer.apply_chat_template(conversation, return_dict=False)
    prompt_ids = tokenizer.apply_chat_template(conversation[:-1], add_generation_prompt=True, return_dict=False)
    return Encoded(full_ids, len(prompt_ids))


def statistics(tokenizer, conversation):
    ids = tokenizer.apply_chat_template(conversation, return_dict=False)
    history = tokenizer.apply_chat_template(conversation[:-1], return_dict=False)
    return {"input_ids": ids, "history_tokens": len(history)}


def prompt_only(tokenizer, conversation):
    prompt_ids = tokenizer.apply_chat_template(conversation[:-1], return_dict=False)
    return {"prompt_len": len(prompt_ids), "turns": len(conversation)}


def format_text_row(tokenizer, record):
    messages = [*record["history"], {"role": "assistant", "content": record["response"]}]
    text = tokenizer.apply_chat_template(messages, tokenize=False)
    prompt = tokenizer.apply_chat_template(messages[:-1], tokenize=False, add_generation_prompt=True)
    return {"text": text, "prompt_chars": len(prompt)}


def text_statistics(tokenizer, record):
    # a count of the history's characters beside the render, not a place where the trained part starts
    text = tokenizer.apply_chat_template(record["messages"], tokenize=False)
    history = tokenizer.apply_chat_template(record["messages"][:-1], tokenize=False)
    return {"text": text, "history_chars": len(history)}
