# The result read as a tensor or rows of ids, and handed to a helper of the module that reads it as ids.
from typing import List

import torch


def prefix_image(tokenizer, messages, image_tokens, device):
    text_ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt").to(device)  # expect: CL005 "`text_ids.shape`"
    batch = text_ids.shape[0]
    return torch.cat([image_tokens[:batch], text_ids], dim=1)


def as_row(tokenizer, messages):
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)  # expect: CL005 "`torch.tensor([ids], dtype=torch.long)`"
    return torch.tensor([ids], dtype=torch.long)


def expand_image_tokens(input_ids, image_token_id, count):
    expanded = []
    for token_id in input_ids:
        expanded.extend([token_id] * (count if token_id == image_token_id else 1))
    return expanded


class Worker:
    def _pad(self, input_ids: List[int], length: int) -> List[int]:
        return input_ids + [0] * (length - len(input_ids))

    def encode(self, tokenizer, messages):
        ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)  # expect: CL005 "passed to `Worker._pad` as `input_ids`, annotated `List[int]`"
        return self._pad(ids, 512)

    def encode_with_images(self, tokenizer, messages, image_token_id):
        ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True)  # expect: CL005 "passed to `expand_image_tokens` as `input_ids`, which uses it: `for token_id in input_ids`"
        return expand_image_tokens(ids, image_token_id, 64)


def generate_reply(model, tokenizer, messages):
    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")  # expect: CL005 "`model.generate(inputs, max_new_tokens=64)`, which takes it as the tensor of ids `inputs`"
    return model.generate(inputs, max_new_tokens=64)


def generate_with_mask(model, tokenizer, messages):
    # an element-wise test of the ids: a `BatchEncoding` compared with an id is just unequal (a bool has no `.long()`)
    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")  # expect: CL005 "`inputs != tokenizer.pad_token_id`"
    return model.generate(input_ids=inputs, attention_mask=(inputs != tokenizer.pad_token_id).long())


def shown_prompt(tokenizer, messages):
    return tokenizer.decode(tokenizer.apply_chat_template(messages, add_generation_prompt=True))  # expect: CL005 "which reads it as ids"


def stream_reply(model, tokenizer, messages, streamer):
    # the keywords gathered for `generate`, run on a thread: `inputs` is the tensor of ids
    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")  # expect: CL005 "`inputs=inputs`, the tensor of ids `generate` takes"
    generation_kwargs = dict(inputs=inputs, max_new_tokens=64, streamer=streamer)
    return model.generate(**generation_kwargs)


def sample_many(model, tokenizer, messages, n):
    # the prompt repeated for `n` samples: `repeat` is a tensor's method
    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")  # expect: CL005 "`inputs.repeat(n, 1)`"
    inputs = inputs.to(model.device)
    input_ids = inputs.repeat(n, 1)
    return model.generate(input_ids=input_ids, attention_mask=torch.ones_like(input_ids), do_sample=True)


def drop_the_bos(model, tokenizer, messages):
    # the rows and columns of a tensor: the first token of each row cut off
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")[:, 1:]  # expect: CL005 "used as a list of ids"
    return model.generate(input_ids=ids, max_new_tokens=64)
