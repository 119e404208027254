# versions: transformers>=4.36
# A render that asks for a mapping first and falls back, for a tokenizer that refuses `return_dict=` (one from
# before transformers returned a BatchEncoding), to the ids as they come: only such a tokenizer reaches the
# fallback, and for it they are a tensor of ids.
import torch


def encode_chat(tokenizer, messages):
    try:
        encoded = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt", return_dict=True)
    except TypeError:
        ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")
        encoded = {"input_ids": ids, "attention_mask": torch.ones_like(ids)}
    return encoded
