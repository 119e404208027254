# The result keeps its trail: a string return annotation, `.to(device)`, `typing.cast`, a model's input, an id
# list for a serving engine.
import typing

import mlx.core as mx
import torch


def render_ids(tokenizer, messages) -> "torch.Tensor":
    return tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")  # expect: CL005 "returned by `render_ids`, which is annotated `-> torch.Tensor`"


def score(model, tokenizer, messages, device):
    ids = tokenizer.apply_chat_template(messages, return_tensors="pt").to(device)  # expect: CL005 "`model(ids)`, which takes it as `input_ids`"
    return model(ids).logits


def score_moved(reward_model, tokenizer, messages, device):
    ids = tokenizer.apply_chat_template(messages, return_tensors="pt")  # expect: CL005 "`reward_model(ids)`, which takes it as `input_ids`"
    ids = ids.to(device)
    return reward_model(ids).logits


def cast_ids(tokenizer, messages):
    ids = typing.cast(list, tokenizer.apply_chat_template(messages, add_generation_prompt=True))  # expect: CL005 "`mx.array(ids)`"
    return mx.array(ids)[None]


def serve(llm, tokenizer, messages):
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)  # expect: CL005 "`prompt_token_ids=[ids]`"
    return llm.generate(prompt_token_ids=[ids])


def serve_one(engine, tokenizer, messages):
    prompt_ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)  # expect: CL005 "`prompt_token_ids=prompt_ids`"
    return engine.generate(prompt_token_ids=prompt_ids)


def serve_batch(llm, tokenizer, chats):
    batch = [tokenizer.apply_chat_template(chat, add_generation_prompt=True) for chat in chats]  # expect: CL005 "`prompt_token_ids=batch`, a batch of id lists"
    return llm.generate(prompt_token_ids=batch)
