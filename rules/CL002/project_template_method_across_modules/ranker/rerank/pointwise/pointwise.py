from abc import ABC

from ..base import Reranker


class PointwiseReranker(Reranker, ABC):
    def score(self, result, start, end):
        prompt, in_tokens = self.create_prompt(result, start, end)
        answer, out_tokens = self.run_llm(prompt)
        return answer, in_tokens + out_tokens
