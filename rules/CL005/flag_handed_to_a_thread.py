# A render's result handed to a worker thread with `loop.run_in_executor(pool, self._generate, ids)`: the method's
# parameter takes it and uses it as a list of ids (sliced, given to vLLM as `prompt_token_ids`), which it is not from
# transformers 5.
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
        ids = self.tokenizer.apply_chat_template([{"role": "user", "content": question}], add_generation_prompt=True)  # expect: CL005 "passed to `Grader._generate` as `ids`"
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.pool, self._generate, ids)
