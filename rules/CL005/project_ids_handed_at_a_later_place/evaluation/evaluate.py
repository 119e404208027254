# Scores a fine-tuned model: the first render is left to its default (a `BatchEncoding` under transformers 5), the
# second asks for the ids alone.
import torch

from .generation import generate_two_phase


def answer(model, tokenizer, question):
    messages = [{"role": "user", "content": question}]
    inputs = tokenizer.apply_chat_template(messages, tokenize=True, add_generation_prompt=True, return_tensors="pt")  # expect: CL005 "passed to `generate_two_phase`"
    if torch.cuda.is_available():
        inputs = inputs.to("cuda")
    return generate_two_phase(model, tokenizer, inputs, think_tokens=512)


def answer_with_ids(model, tokenizer, question):
    messages = [{"role": "user", "content": question}]
    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt", return_dict=False)
    return generate_two_phase(model, tokenizer, inputs, think_tokens=512)
