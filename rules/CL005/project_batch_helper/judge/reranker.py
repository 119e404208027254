"""Scores passages by the judge's probability of answering yes."""
from .batching import left_pad, pad_encodings


class Reranker:
    def __init__(self, model, tokenizer):
        self.model = model
        self.tokenizer = tokenizer

    def encode(self, query, passage):
        messages = [{"role": "user", "content": f"Query: {query}\nPassage: {passage}\nRelevant?"}]
        return self.tokenizer.apply_chat_template(messages, add_generation_prompt=True)  # expect: CL005 "handed in a list to `left_pad`"

    def score(self, query, passages):
        encoded = [self.encode(query, passage) for passage in passages]
        return self.model(input_ids=left_pad(encoded, self.tokenizer.pad_token_id)).logits[:, -1]

    def score_encodings(self, query, passages):
        messages = [[{"role": "user", "content": f"Query: {query}\nPassage: {p}\nRelevant?"}] for p in passages]
        encoded = [self.tokenizer.apply_chat_template(m, add_generation_prompt=True) for m in messages]
        return self.model(input_ids=pad_encodings(encoded, self.tokenizer.pad_token_id)).logits[:, -1]
