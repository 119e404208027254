# Prompts built beside their token counts, in batches: a pool maps the prompt builder over results (through a
# lambda or by name), the lists are extended into one and returned, and the base class's template method hands the
# texts to vLLM (Llama 3: two BOS tokens).
from abc import ABC, abstractmethod
from concurrent.futures import ThreadPoolExecutor

from vllm import LLM


class Reranker(ABC):
    @abstractmethod
    def create_prompt(self, result):
        """A prompt for one result, with its length in tokens."""

    @abstractmethod
    def create_prompt_batched(self, results):
        """The prompts for many results, with their lengths."""

    @abstractmethod
    def run_llm_batched(self, prompts):
        """The model's answers to the prompts."""

    def rerank_batch(self, results):
        prompts = self.create_prompt_batched(results)
        return self.run_llm_batched([prompt for prompt, _ in prompts])  # expect: CL002 "returned by"


class ListwiseReranker(Reranker):
    def __init__(self, tokenizer):
        self._tokenizer = tokenizer
        self._llm = LLM(model="meta-llama/Meta-Llama-3-8B-Instruct")

    def create_prompt(self, result):
        messages = [{"role": "user", "content": f"Rank the passages for: {result['query']}"}]
        prompt = self._tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return prompt, len(messages)

    def create_prompt_batched(self, results, batch_size=32):
        all_prompts = []
        with ThreadPoolExecutor() as executor:
            for start in range(0, len(results), batch_size):
                batch = results[start : start + batch_size]
                all_prompts.extend(list(executor.map(lambda result: self.create_prompt(result), batch)))
        return all_prompts

    def run_llm_batched(self, prompts):
        return [output.outputs[0].text for output in self._llm.generate(prompts)]

    def rerank_by_name(self, results):
        with ThreadPoolExecutor() as executor:
            prompts = list(executor.map(self.create_prompt, results))
        return self.run_llm_batched([prompt for prompt, _ in prompts])  # expect: CL002 "holds texts rendered by"
