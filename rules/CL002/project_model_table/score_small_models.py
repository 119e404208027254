import argparse

from transformers import AutoModelForCausalLM, AutoTokenizer

from prompting import question_prompt
from scoring import letter_logits
from settings import LLAMA_CHECKPOINTS


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=sorted(LLAMA_CHECKPOINTS), required=True)
    args = parser.parse_args()
    tokenizer = AutoTokenizer.from_pretrained(LLAMA_CHECKPOINTS[args.model])
    model = AutoModelForCausalLM.from_pretrained(LLAMA_CHECKPOINTS[args.model])
    prompt = question_prompt(tokenizer, "2 + 2?", ["3", "4"])
    print(letter_logits(model, tokenizer, prompt, 2))  # expect: CL002 "`question_prompt`"


if __name__ == "__main__":
    main()
