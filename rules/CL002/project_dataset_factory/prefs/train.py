import argparse

from transformers import AutoModelForCausalLM, AutoTokenizer

from .datasets import load_dataset
from .offline import train as train_offline
from .online import train as train_online
from .replay import replay


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--offline", action="store_true")
    args = parser.parse_args()
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    model = AutoModelForCausalLM.from_pretrained(args.model)
    dataset = load_dataset(args.data, tokenizer)
    completions = ["yes", "no"]
    (train_offline if args.offline else train_online)(model, tokenizer, dataset, completions)
    replay(model, tokenizer, dataset, completions)


if __name__ == "__main__":
    main()
