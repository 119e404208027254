# The imported generator yields (row, prompt) pairs: the prompts, unpacked one by one or out of chunks of pairs, go to
# vLLM as text (Llama 3: two BOS tokens); the rows do not.
from tqdm import tqdm
from vllm import LLM

from prompts import LLAMA_MODEL, batched, iter_record_batches, iter_records


def generate_each(tokenizer, rows):
    llm = LLM(model=LLAMA_MODEL)
    for row, prompt in iter_records(tokenizer, rows):
        llm.generate(prompt)  # expect: CL002 "yielded by `iter_records`"


def generate_chunks(tokenizer, rows):
    llm = LLM(model=LLAMA_MODEL)
    for chunk in tqdm(batched(iter_records(tokenizer, rows), 8), desc="generate"):
        prompts = [prompt for _, prompt in chunk]
        llm.generate(prompts)  # expect: CL002 "`prompts` holds texts rendered by"


def questions(tokenizer, rows):
    llm = LLM(model=LLAMA_MODEL)
    return [llm.generate(row["question"]) for row, _ in iter_records(tokenizer, rows)]


class Teacher:
    def __init__(self):
        self.llm = LLM(model=LLAMA_MODEL)

    def complete(self, prompts):
        return [output.outputs[0].text for output in self.llm.generate(prompts)]


def generate_batches(tokenizer, rows):
    teacher = Teacher()
    for records, prompts in iter_record_batches(tokenizer, rows, 16):
        for record, answer in zip(records, teacher.complete(prompts)):  # expect: CL002 "yielded by `iter_record_batches`"
            record["answer"] = answer


def record_counts(tokenizer, rows):
    return [len(records) for records, _ in iter_record_batches(tokenizer, rows, 16)]
