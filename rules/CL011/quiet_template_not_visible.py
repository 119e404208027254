# The template comes from a file and the checkpoint is not one the knowledge table knows.
from pathlib import Path

from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("my-org/my-model")
tokenizer.chat_template = Path("template.jinja").read_text()


def encode(conversation, flag=False):
    return tokenizer.apply_chat_template(conversation, return_dict=True, return_assistant_tokens_mask=True)


def other(checkpoint):
    tok = AutoTokenizer.from_pretrained(checkpoint)
    return tok.apply_chat_template([], return_dict=True, return_assistant_tokens_mask=True)

