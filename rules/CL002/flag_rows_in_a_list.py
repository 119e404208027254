# Rows collected in a list, each with a rendered prompt under a key (`jobs.append({"prompt": render(...)})`), read back
# by a loop over the list (or over the list a helper of the module fills and returns) and tokenized again with
# special tokens on, or handed to vLLM as text prompts: a second BOS in front of the template's.
from transformers import AutoTokenizer
from vllm import LLM, SamplingParams

CHECKPOINT = "meta-llama/Llama-3.1-8B-Instruct"
tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)


def render_prompt(tok, messages):
    return tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def build_jobs(records):
    jobs = []
    for record in records:
        jobs.append({"id": record["id"], "prompt": render_prompt(tokenizer, record["messages"][:-1])})
    return jobs


def prompt_lengths(records):
    jobs = []
    for record in records:
        jobs.append({"id": record["id"], "prompt": render_prompt(tokenizer, record["messages"][:-1])})
    return [len(tokenizer(job["prompt"])["input_ids"]) for job in jobs]  # expect: CL002 "`job[\"prompt\"]` is rendered by `render_prompt(..., tokenize=False)`"


def regenerate(records):
    jobs = build_jobs(records)
    llm = LLM(model=CHECKPOINT)
    return llm.generate([job["prompt"] for job in jobs], SamplingParams(max_tokens=512))  # expect: CL002 "in the rows `build_jobs` returns"
