# The twins of flag_handed_to_a_thread.py: the render asks for a list of ids (`return_dict=False`), or the ids are
# taken out of the encoding before the worker thread gets them; a count that tests for a list first.
# versions: transformers>=4.46
import asyncio
from concurrent.futures import ThreadPoolExecutor

from vllm import LLM, SamplingParams
from vllm.inputs import TokensPrompt


class Grader:
    def __init__(self, model_id, max_prompt_tokens=4096):
        self.llm = LLM(model=model_id)
        self.tokenizer = self.llm.get_tokenizer()
        self.max_prompt_tokens = max_prompt_tokens
        self.pool = ThreadPoolExecutor(max_workers=4)

    def _generate(self, ids):
        kept = ids[-self.max_prompt_tokens :]
        return self.llm.generate(TokensPrompt(prompt_token_ids=kept), SamplingParams(max_tokens=64))[0].outputs[0].text

    async def grade(self, question):
        messages = [{"role": "user", "content": question}]
        ids = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.pool, self._generate, ids)

    async def grade_encoded(self, question):
        messages = [{"role": "user", "content": question}]
        encoded = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=True)
        return await asyncio.to_thread(self._generate, encoded["input_ids"])


async def count_tokens(tokenizer, messages):
    tokens = await asyncio.to_thread(tokenizer.apply_chat_template, messages, tokenize=True, add_generation_prompt=True)
    if not isinstance(tokens, list):
        return None  # (a count for lists of ids only: the caller falls back to counting the text)
    return len(tokens)
