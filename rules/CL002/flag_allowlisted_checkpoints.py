# Allowlists that do not settle the family: one that holds a Llama checkpoint beside Qwen's, and a guard that only
# warns (the run goes on with any model).
import logging

from transformers import AutoModelForCausalLM, AutoTokenizer

SUPPORTED = ("Qwen/Qwen2.5-7B-Instruct", "meta-llama/Llama-3.1-8B-Instruct")
TESTED = ("Qwen/Qwen2.5-7B-Instruct",)


def generate(model_name, question):
    if model_name not in SUPPORTED:
        raise ValueError(model_name)
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    model = AutoModelForCausalLM.from_pretrained(model_name)
    text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    inputs = tokenizer(text, return_tensors="pt")  # expect: CL002 "`text` is rendered by"
    return model.generate(**inputs, max_new_tokens=64)


def score(model_name, question):
    if model_name not in TESTED:
        logging.warning("untested model %s", model_name)
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    return tokenizer(text)["input_ids"]  # expect: CL002 "`text` is rendered by"
