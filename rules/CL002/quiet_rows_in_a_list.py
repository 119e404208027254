# Rows collected in a list with a rendered prompt under one key and the raw question under another: tokenizing the
# question, or the prompt without special tokens, adds no second BOS.
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def build_jobs(records):
    jobs = []
    for record in records:
        prompt = tokenizer.apply_chat_template(record["messages"], tokenize=False, add_generation_prompt=True)
        jobs.append({"question": record["messages"][-1]["content"], "prompt": prompt})
    return jobs


def question_lengths(records):
    return [len(tokenizer(job["question"])["input_ids"]) for job in build_jobs(records)]


def prompt_ids(records):
    jobs = build_jobs(records)
    return [tokenizer(job["prompt"], add_special_tokens=False)["input_ids"] for job in jobs]
