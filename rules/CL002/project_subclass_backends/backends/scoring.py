from .base import Scorer


class TokenScorer(Scorer):
    def __init__(self, tokenizer, model):
        super().__init__(tokenizer)
        self.model = model

    def score(self, prompt):
        inputs = self.tokenizer(prompt, return_tensors="pt", add_special_tokens=False)
        return self.model(**inputs).logits[0, -1]
