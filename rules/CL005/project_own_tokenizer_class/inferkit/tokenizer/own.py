"""The project's own tokenizer: a vocabulary and a chat template read from the model folder."""

import json

import jinja2


class OwnTokenizer:
    def __init__(self, folder: str):
        with open(f"{folder}/tokenizer_config.json") as handle:
            config = json.load(handle)
        self.template = jinja2.Template(config["chat_template"])
        self.vocab = config["vocab"]

    def encode(self, text: str) -> list[int]:
        return [self.vocab.get(piece, 0) for piece in text.split()]

    def apply_chat_template(self, messages, add_generation_prompt=True, tokenize=True):
        text = self.template.render(messages=messages, add_generation_prompt=add_generation_prompt)
        return self.encode(text) if tokenize else text
