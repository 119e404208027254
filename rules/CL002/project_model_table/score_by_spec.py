import argparse

from transformers import AutoModelForCausalLM, AutoTokenizer

from prompting import question_prompt
from scoring import letter_logits
from settings import resolve_judge


def judge(alias):
    # a ChatML judge: re-tokenizing the rendered prompt with special tokens adds no BOS
    spec = resolve_judge(alias)
    tokenizer = AutoTokenizer.from_pretrained(spec.repo_id)
    model = AutoModelForCausalLM.from_pretrained(spec.repo_id)
    prompt = question_prompt(tokenizer, "2 + 2?", ["3", "4"])
    return letter_logits(model, tokenizer, prompt, 2)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--judge", choices=["judge-small", "judge-large"], required=True)
    print(judge(parser.parse_args().judge))
