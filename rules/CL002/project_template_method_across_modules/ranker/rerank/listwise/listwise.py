from abc import ABC

from ..base import Reranker


class ListwiseReranker(Reranker, ABC):
    def permutation_pipeline(self, result, start, end):
        prompt, in_tokens = self.create_prompt(result, start, end)
        permutation, out_tokens = self.run_llm(prompt)  # expect: CL002 "returned by `VLLMReranker.create_prompt`"
        return permutation, in_tokens + out_tokens

    def permutation_pipeline_batched(self, results, start, end):
        prompts = self.create_prompt_batched(results, start, end)
        answers = self.run_llm_batched([prompt for prompt, _ in prompts])  # expect: CL002 "returned by `VLLMReranker.create_prompt_batched`"
        return [answer for answer, _ in answers]
