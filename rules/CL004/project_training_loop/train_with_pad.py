import json

import torch
from torch.utils.data import DataLoader
from transformers import AutoModelForCausalLM

from blocks import TokenBlocks
from encode import encode_rows
from tokenizer_setup import BASE, make_tokenizer_with_pad


def main(path="conversations.jsonl"):
    tokenizer = make_tokenizer_with_pad()
    model = AutoModelForCausalLM.from_pretrained(BASE)
    with open(path) as f:
        conversations = [json.loads(line)["messages"] for line in f]
    blocks = TokenBlocks(encode_rows(conversations, tokenizer), 2048, tokenizer.pad_token_id)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-5)
    for batch in DataLoader(blocks, batch_size=4, shuffle=True):
        loss = model(**batch).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()


if __name__ == "__main__":
    main()
