# Accuracy of a chat model on a multiple-choice benchmark.
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer

from .prompts import render_context
from .scoring import PairScorer, RenderedPairScorer

LETTERS = ("A", "B", "C", "D")


def accuracy(model_id="meta-llama/Meta-Llama-3-8B-Instruct", task="cais/mmlu", rendered_aware=False):
    tokenizer = AutoTokenizer.from_pretrained(model_id)
    model = AutoModelForCausalLM.from_pretrained(model_id)
    scorer = PairScorer(model, tokenizer)
    aware = RenderedPairScorer(model, tokenizer)
    hits = 0
    docs = load_dataset(task, "all", split="test")
    for doc in docs:
        context = render_context(tokenizer, doc, LETTERS)
        requests = [(context, letter) for letter in LETTERS[: len(doc["choices"])]]
        scores = aware.loglikelihood(requests) if rendered_aware else scorer.loglikelihood(requests)  # expect: CL002 "through the helper `PairScorer.loglikelihood`"
        hits += int(max(range(len(scores)), key=scores.__getitem__) == doc["answer"])
    return hits / len(docs)
