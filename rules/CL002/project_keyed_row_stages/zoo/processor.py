from transformers import AutoTokenizer

from .keys import INPUT_IDS_KEY, MESSAGES_KEY, SOURCE_KEY, TEXT_KEY
from .templates import render_conversation

MODEL = "meta-llama/Llama-3.1-8B-Instruct"


class ChatProcessor:
    def __init__(self):
        self.tokenizer = AutoTokenizer.from_pretrained(MODEL)

    def render(self, row):
        row[TEXT_KEY] = render_conversation(self.tokenizer, row[MESSAGES_KEY])
        return row

    def tokenize(self, row):
        row[INPUT_IDS_KEY] = self.tokenizer(row[TEXT_KEY], truncation=True)["input_ids"]  # expect: CL002 "stored in the column `TEXT_KEY` names by `ChatProcessor.render`"
        return row

    def __call__(self, row):
        return self.tokenize(self.render(row))


class PlainChatProcessor(ChatProcessor):
    def tokenize(self, row):
        row[INPUT_IDS_KEY] = self.tokenizer(row[TEXT_KEY], add_special_tokens=False)["input_ids"]
        return row


class SourceProcessor:
    def __init__(self):
        self.tokenizer = AutoTokenizer.from_pretrained(MODEL)

    def tokenize(self, row):
        row[INPUT_IDS_KEY] = self.tokenizer(row[SOURCE_KEY])["input_ids"]
        return row
