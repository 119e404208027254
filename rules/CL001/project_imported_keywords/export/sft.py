# Finished dialogues written out as training text, in two formats.
import json

from . import settings
from .settings import PROMPT_KWARGS


def to_sft_text(tokenizer, question, answer):
    conversation = [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]
    return tokenizer.apply_chat_template(conversation, **PROMPT_KWARGS)  # expect: CL001 "`PROMPT_KWARGS` of export/settings.py:3"


def to_sft_record(tokenizer, question, answer):
    conversation = [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]
    return {"text": tokenizer.apply_chat_template(conversation, **settings.DIALOGUE_KWARGS)}


def write_dataset(tokenizer, pairs, path):
    with open(path, "w") as out:
        for question, answer in pairs:
            out.write(json.dumps({"text": to_sft_text(tokenizer, question, answer)}) + "\n")
