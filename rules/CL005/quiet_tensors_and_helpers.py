# The twins of flag_tensors_and_helpers.py: encodings read by key, helpers written for an encoding, and helpers
# this module cannot see into.
from collections.abc import Mapping
from typing import List

import torch

from .vision import expand_image_tokens


def prefix_image(tokenizer, messages, image_tokens, device):
    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt").to(device)
    text_ids = inputs["input_ids"]
    return torch.cat([image_tokens[: text_ids.shape[0]], text_ids], dim=1)


def as_row(tokenizer, messages):
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
    return torch.tensor([ids], dtype=torch.long)


def as_rows(tokenizer, chats):
    # strings in a list are not rows of ids
    texts = [tokenizer.apply_chat_template(chat, tokenize=False) for chat in chats]
    return torch.tensor([len(text) for text in texts])


def unpack(encoding):
    # (a `BatchEncoding` is a `Mapping`, not a `dict`: see flag_kind_tests_a_batch_encoding_fails.py)
    if isinstance(encoding, Mapping):
        return encoding["input_ids"]
    return list(encoding)


def attention(encoding):
    return encoding["attention_mask"]


class Worker:
    def _pad(self, inputs, length: int):
        return {key: value + [0] * (length - len(value)) for key, value in inputs.items()}

    def encode(self, tokenizer, messages):
        inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True)
        return self._pad(inputs, 512)

    def encode_both(self, tokenizer, messages):
        ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)
        return unpack(ids), attention(tokenizer.apply_chat_template(messages))

    def encode_with_images(self, tokenizer, messages, image_token_id):
        # the helper lives in another module, which this rule does not read
        ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)
        return expand_image_tokens(ids, image_token_id, 64)


def normalized_ids(encoding):
    """A helper that copies its parameter, then unwraps an encoding if it is one (written for both)."""
    ids = encoding
    while True:
        if isinstance(ids, Mapping) and "input_ids" in ids:
            ids = ids["input_ids"]
        elif hasattr(ids, "tolist"):
            ids = ids.tolist()
        else:
            return list(ids)


def prompt_ids(tokenizer, messages):
    return normalized_ids(tokenizer.apply_chat_template(messages, add_generation_prompt=True))


def generate_reply(model, llm, tokenizer, messages):
    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt", return_dict=True)
    model.generate(**inputs, max_new_tokens=64)
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
    return model.generate(torch.tensor([ids]))


def generate_with_mask(model, tokenizer, messages, last_request_id):
    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt", return_dict=False)
    mask = (inputs != tokenizer.pad_token_id).long()
    encoded = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")
    if encoded != last_request_id:  # (a whole object against an id: no use of the ids)
        return model.generate(input_ids=inputs, attention_mask=mask)
    return None


def prompt_tokens(pipeline, messages, max_context_length):
    # chatglm.cpp's C++ tokenizer takes the context length second (transformers' method takes `tools` there) and
    # returns a list of ids
    ids = pipeline.tokenizer.apply_chat_template(messages, max_context_length)
    return len(ids) + len(pipeline.tokenizer.apply_chat_template(messages, 2048))


def shown_prompt(tokenizer, messages, formatter):
    encoded = tokenizer.apply_chat_template(messages, add_generation_prompt=True)
    # (a formatter's `decode` is not a tokenizer's; the ids of the encoding are read by key)
    return formatter.decode(tokenizer.apply_chat_template(messages)) + tokenizer.decode(encoded["input_ids"])


def stream_reply(model, tokenizer, messages, streamer):
    encoded = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")
    generation_kwargs = dict(inputs=encoded["input_ids"], max_new_tokens=64, streamer=streamer)
    return model.generate(**generation_kwargs)


def sample_many(model, tokenizer, messages, n):
    # the ids taken from the encoding, then repeated for `n` samples
    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt", return_dict=True)
    input_ids = inputs["input_ids"].to(model.device).repeat(n, 1)
    return model.generate(input_ids=input_ids, attention_mask=inputs["attention_mask"].repeat(n, 1), do_sample=True)


def drop_the_bos(model, tokenizer, messages):
    # the ids taken from the encoding, then the first token of each row cut off
    encoding = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt", return_dict=True)
    return model.generate(input_ids=encoding["input_ids"][:, 1:], max_new_tokens=64)


class EpisodeLoop:
    """An agent loop of a library whose own `apply_chat_template` is a coroutine giving a list of ids (verl's
    `AgentLoopBase`): an awaited call is no tokenizer's method."""

    async def run(self, messages):
        prompt_ids = await self.apply_chat_template(messages)
        return prompt_ids + [0] * 4
