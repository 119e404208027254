import argparse

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

from prompting import question_prompt
from scoring import letter_logits
from settings import MODELS


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=sorted(MODELS), required=True)
    args = parser.parse_args()
    spec = MODELS[args.model]
    tokenizer = AutoTokenizer.from_pretrained(spec["checkpoint"])
    model = AutoModelForCausalLM.from_pretrained(spec["checkpoint"], torch_dtype=getattr(torch, spec["dtype"]))
    item = {"question": "2 + 2?", "choices": ["3", "4"]}
    prompt = question_prompt(tokenizer, item["question"], item["choices"])
    print(letter_logits(model, tokenizer, prompt, len(item["choices"])))


if __name__ == "__main__":
    main()
