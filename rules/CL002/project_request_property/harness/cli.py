import argparse

from transformers import AutoTokenizer

from .requests import EvalRequest
from .runner import Runner


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="meta-llama/Llama-3.1-8B-Instruct")
    args = parser.parse_args()
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    requests = [EvalRequest(str(i), q, tokenizer) for i, q in enumerate(["What is 2 + 2?"])]
    return Runner(args.model).run(requests)
