from transformers import AutoModelForCausalLM, AutoTokenizer

from .base import ModelBackend, ScoringBackend


class HuggingFaceBackend(ModelBackend):
    def __init__(self, name):
        self.tokenizer = AutoTokenizer.from_pretrained(name)
        self.model = AutoModelForCausalLM.from_pretrained(name)

    def tokenize(self, text):
        return self.tokenizer(text, return_tensors="pt").input_ids

    def forward(self, ids):
        return self.model(ids).logits


class HuggingFaceScorer(ScoringBackend):
    def __init__(self, name):
        self.tokenizer = AutoTokenizer.from_pretrained(name)

    def encode(self, text):
        return self.tokenizer(text, add_special_tokens=False, return_tensors="pt").input_ids
