import argparse

from transformers import AutoTokenizer

from sft import TEMPLATES, InstructionSet


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--template", default="default", choices=sorted(TEMPLATES))
    args = parser.parse_args()
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
    template = TEMPLATES[args.template](tokenizer)
    return InstructionSet([], tokenizer, template)


if __name__ == "__main__":
    main()
