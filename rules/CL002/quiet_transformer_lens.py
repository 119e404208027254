# TransformerLens told to leave the BOS off (`prepend_bos=False`), or handed token ids; and a `to_tokens` of the
# module's own class.
from typing import Any

from transformer_lens import HookedTransformer

CHECKPOINT = "meta-llama/Llama-3.2-1B-Instruct"


def format_prompt(model: Any, prompt: str) -> str:
    messages = [{"role": "user", "content": prompt}]
    return model.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def trace(prompt):
    model = HookedTransformer.from_pretrained(CHECKPOINT)
    tokens = model.to_tokens(format_prompt(model, prompt), prepend_bos=False)
    return model.run_with_cache(tokens)


def chat(prompt):
    model = HookedTransformer.from_pretrained(CHECKPOINT)
    return model.generate(format_prompt(model, prompt), prepend_bos=False, max_new_tokens=64)


class CharVocabulary:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def to_tokens(self, text):
        return [ord(character) for character in text]


def characters(tokenizer, prompt):
    vocabulary = CharVocabulary(tokenizer)
    text = tokenizer.apply_chat_template([{"role": "user", "content": prompt}], tokenize=False)
    return vocabulary.to_tokens(text)
