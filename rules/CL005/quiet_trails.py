# The twins of flag_trails.py: the same trails, written for a `BatchEncoding` or asking for a list.
import typing

import mlx.core as mx
import torch


def render_ids(tokenizer, messages) -> "torch.Tensor":
    return tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt", return_dict=False)


def render_encoding(tokenizer, messages) -> "BatchEncoding":
    return tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")


def score(model, tokenizer, messages, device):
    inputs = tokenizer.apply_chat_template(messages, return_tensors="pt").to(device)
    return model(**inputs).logits


def score_moved(reward_model, tokenizer, messages, device):
    inputs = tokenizer.apply_chat_template(messages, return_tensors="pt")
    inputs = inputs.to(device)
    return reward_model(input_ids=inputs["input_ids"], attention_mask=inputs["attention_mask"]).logits


def cast_ids(tokenizer, messages):
    ids = typing.cast(list, tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False))
    return mx.array(ids)[None]


def serve(llm, tokenizer, messages):
    encoding = tokenizer.apply_chat_template(messages, add_generation_prompt=True)
    return llm.generate(prompt_token_ids=[encoding["input_ids"]])


def serve_text(llm, tokenizer, messages):
    prompt = tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
    return llm.generate(prompts=[prompt])


def run_model(model, tokenizer, messages):
    # the rendered ids go to a helper this module cannot see into, not to the model itself
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)
    return model.score_conversation(ids)


def serve_batch(llm, tokenizer, chats):
    # a list of renders handed on whole as texts, or as ids asked for with `return_dict=False`
    texts = [tokenizer.apply_chat_template(chat, add_generation_prompt=True, tokenize=False) for chat in chats]
    batch = [tokenizer.apply_chat_template(chat, add_generation_prompt=True, return_dict=False) for chat in chats]
    return llm.generate(texts), llm.generate(prompt_token_ids=batch)


def count_batch(tokenizer, chats):
    # each item is only kept in a list that is never read as ids
    batch = [tokenizer.apply_chat_template(chat, add_generation_prompt=True) for chat in chats]
    return {"rendered": batch}
