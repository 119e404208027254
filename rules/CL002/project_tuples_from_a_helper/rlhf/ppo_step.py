import torch

from .templates import to_reward_template


def reward_scores(batch, reward_model, rm_tokenizer, max_length=1024):
    pairs = [to_reward_template(query, response, rm_tokenizer) for query, response in zip(batch["query"], batch["response"])]
    encoded = [
        rm_tokenizer.encode_plus(query + response, truncation=True, max_length=max_length, return_tensors="pt")  # expect: CL002 "`query + response` is rendered by"
        for query, response in pairs
    ]
    with torch.no_grad():
        return [reward_model(item["input_ids"]).logits[0].item() for item in encoded]
