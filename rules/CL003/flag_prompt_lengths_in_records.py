# The prompt's token length stored beside the full render's ids, under a name for where the trained part starts
# (`prompt_len`, `completion_start`): a collator masks the tokens before it. Without the generation prompt the
# assistant header falls after that point and is trained on.
from dataclasses import dataclass


@dataclass
class Encoded:
    input_ids: list[int]
    prompt_len: int


def encode_record(tokenizer, conversation):
    full_ids = tokenizer(tokenizer.apply_chat_template(conversation, tokenize=False), add_special_tokens=False)["input_ids"]
    prompt_ids = tokenizer.apply_chat_template(conversation[:-1], return_dict=False)  # expect: CL003 "stored with the prompt length as `prompt_len`"
    return Encoded(full_ids, len(prompt_ids))


def encode_row(tokenizer, example):
    messages = example["messages"]
    input_ids = tokenizer.apply_chat_template(messages, return_dict=False)
    prompt = tokenizer.apply_chat_template(messages[:-1], tokenize=False)  # expect: CL003 "stored with the prompt length as `completion_start`"
    prompt_ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    return {"input_ids": input_ids, "completion_start": len(prompt_ids)}


def encode_keywords(tokenizer, conversation):
    ids = tokenizer.apply_chat_template(conversation, return_dict=False)
    start = len(tokenizer.apply_chat_template(conversation[:-1], return_dict=False))  # expect: CL003 "stored with the prompt length as `prompt_length`"
    return dict(input_ids=ids, prompt_length=start)


def format_text_row(tokenizer, record):
    # the full render's text with the prompt's length in characters: the collator masks the tokens whose offsets
    # fall before it
    messages = [*record["history"], {"role": "assistant", "content": record["response"]}]
    text = tokenizer.apply_chat_template(messages, tokenize=False)
    prompt = tokenizer.apply_chat_template(messages[:-1], tokenize=False)  # expect: CL003 "stored with the prompt length as `prompt_chars`"
    return {"text": text, "prompt_chars": len(prompt)}
