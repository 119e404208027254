from typing import List

from .sampling import Rollout


class LogProbScorer:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def full_ids(self, rollouts: List[Rollout]):
        texts = [rollout.prompt_text + rollout.completion_text for rollout in rollouts]
        return self.tokenizer(texts, padding=True, return_tensors="pt")  # expect: CL002 "stored in `Rollout.prompt_text` by the calls that build it"

    def prompt_ids(self, rollouts: List[Rollout]):
        # the render already holds the template's BOS: special tokens off
        return self.tokenizer([rollout.prompt_text for rollout in rollouts], add_special_tokens=False)
