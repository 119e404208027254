# Evaluates the project's Qwen2.5 checkpoint.
from transformers import AutoModelForCausalLM, AutoTokenizer

from evalkit.generation import answer

CHECKPOINT = "Qwen/Qwen2.5-7B-Instruct"


def main(questions):
    tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)
    model = AutoModelForCausalLM.from_pretrained(CHECKPOINT)
    return [answer(model, tokenizer, question) for question in questions]
