import argparse

from transformers import AutoModelForCausalLM, AutoTokenizer

from prompting import question_prompt
from scoring import letter_logits
from settings import resolve_student


def student(alias):
    spec = resolve_student(alias)
    tokenizer = AutoTokenizer.from_pretrained(spec.repo_id)
    model = AutoModelForCausalLM.from_pretrained(spec.repo_id)
    prompt = question_prompt(tokenizer, "2 + 2?", ["3", "4"])
    return letter_logits(model, tokenizer, prompt, 2)  # expect: CL002 "(the Llama 3 chat template writes one)"


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--student", choices=["student-1b", "student-3b"], required=True)
    print(student(parser.parse_args().student))
