# versions: transformers>=4.56
# A list of renders handed whole to a helper of the module that pads each item as a list of ids: under
# transformers 5 each item is a `BatchEncoding`, so `len()` counts its keys and `+` fails.
import torch


def left_pad(batch_ids, pad_id):
    width = max(len(ids) for ids in batch_ids)
    return torch.tensor([[pad_id] * (width - len(ids)) + ids for ids in batch_ids])


def judge_inputs(tokenizer, conversations):
    encoded = [tokenizer.apply_chat_template(c, add_generation_prompt=True) for c in conversations]  # expect: CL005 "handed in a list to `left_pad` as `batch_ids`"
    return left_pad(encoded, tokenizer.pad_token_id)


class Reranker:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def encode(self, messages):
        return self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=True)  # expect: CL005 "whose caller in `Reranker.score`"

    def score(self, conversations):
        return left_pad([self.encode(c) for c in conversations], self.tokenizer.pad_token_id)
