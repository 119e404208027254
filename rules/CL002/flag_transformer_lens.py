# TransformerLens puts the model's BOS in front of a text input (`to_tokens`, `generate`, the forward call,
# `run_with_cache`) unless `prepend_bos=False`: a chat render of a Llama 3 model gets a second one. A model handed in
# untyped is known by the method's name, TransformerLens's own, in a module that imports the library.
from typing import Any

from transformer_lens import HookedTransformer

CHECKPOINT = "meta-llama/Llama-3.2-1B-Instruct"


def format_prompt(model: Any, prompt: str) -> str:
    messages = [{"role": "user", "content": prompt}]
    return model.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def trace(prompt):
    model = HookedTransformer.from_pretrained(CHECKPOINT)
    text = format_prompt(model, prompt)
    logits, cache = model.run_with_cache(text)  # expect: CL002 "TransformerLens's `HookedTransformer`"
    return logits, cache


def chat(prompt):
    model = HookedTransformer.from_pretrained(CHECKPOINT)
    return model.generate(format_prompt(model, prompt), max_new_tokens=64)  # expect: CL002 "TransformerLens's `HookedTransformer`"


def steer(model: Any, prompt: str):
    tokens = model.to_tokens(format_prompt(model, prompt))  # expect: CL002 "TransformerLens's `to_tokens`"
    return model(tokens)
