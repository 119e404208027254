# Renders made by helpers a pool maps over the rows (`pool.map(render_one, rows)`, or over chunks, each helper result
# a list of (id, prompt) pairs): the prompts reach vLLM as text, each with a second BOS.
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
        return [(row["id"], self.render_one(row)) for row in rows]

    def run(self, rows, chunks):
        with ThreadPoolExecutor(max_workers=4) as pool:
            prompts = list(pool.map(self.render_one, rows))
            outputs = self.llm.generate(prompts, SamplingParams(max_tokens=128))  # expect: CL002 "`prompts` holds texts rendered by `self.tokenizer.apply_chat_template(..., tokenize=False)`, returned by `Generator.render_one`"
            for rendered in pool.map(self.render_chunk, chunks):
                ids, chunk_prompts = zip(*rendered)
                outputs += self.llm.generate(list(chunk_prompts), SamplingParams(max_tokens=128))  # expect: CL002 "`list(chunk_prompts)` holds texts rendered by"
        return outputs
