# The twins of flag_whole_columns.py: a column the `.map()` did not render into, a dataset made otherwise than by
# the `.map()` (loaded from disk, with a column of the same name), and renders handed over as token ids.
from datasets import load_dataset
from vllm import LLM

JUDGE = "meta-llama/Llama-3.1-8B-Instruct"


def judge_questions(dataset):
    llm = LLM(JUDGE)
    tokenizer = llm.get_tokenizer()

    def format_judgement(batch):
        batch["text"] = tokenizer.apply_chat_template(
            [{"role": "user", "content": batch["question"]}], tokenize=False, add_generation_prompt=True
        )
        return batch

    rendered = dataset.map(format_judgement)
    return llm.generate(rendered["question"])


def judge_plain():
    llm = LLM(JUDGE)
    documents = load_dataset("json", data_files="documents.jsonl", split="train")
    return llm.generate(documents["text"])


def judge_ids(dataset):
    llm = LLM(JUDGE)
    tokenizer = llm.get_tokenizer()

    def format_judgement(batch):
        batch["text"] = tokenizer.apply_chat_template(
            [{"role": "user", "content": batch["question"]}], tokenize=False, add_generation_prompt=True
        )
        batch["ids"] = tokenizer(batch["text"], add_special_tokens=False)["input_ids"]
        return batch

    rendered = dataset.map(format_judgement)
    return llm.generate(prompt_token_ids=rendered["ids"])
