# The twins: a dataset's `.map()` (its items are rows, not what the function returns), the ids of the pairs, and a
# pool mapping a helper that tokenizes with special tokens off.
from concurrent.futures import ThreadPoolExecutor

from vllm import LLM, SamplingParams


class Generator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        self.llm = LLM(model="mistralai/Mistral-7B-Instruct-v0.3")

    def render_one(self, row):
        messages = [{"role": "user", "content": row["question"]}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def render_chunk(self, rows):
        return [(row["question"], self.render_one(row)) for row in rows]

    def encode_one(self, row):
        return self.tokenizer(self.render_one(row), add_special_tokens=False)["input_ids"]

    def run(self, dataset, chunks):
        questions = [row["question"] for row in dataset.map(self.render_one)]
        with ThreadPoolExecutor(max_workers=4) as pool:
            ids = list(pool.map(self.encode_one, dataset))
            for rendered in pool.map(self.render_chunk, chunks):
                plain, _ = zip(*rendered)
                questions += list(plain)
        return self.llm.generate(questions, SamplingParams(max_tokens=128)), self.llm.generate(prompt_token_ids=ids)
