from typing import Iterable

from .sampling import Rollout


class Regenerator:
    def __init__(self, llm, tokenizer, params):
        self.llm = llm
        self.tokenizer = tokenizer
        self.params = params

    def texts_again(self, rollouts: Iterable[Rollout]):
        kept = list(rollouts)
        # a list kept of the rollouts: their rendered prompts tokenized again with special tokens on
        return self.tokenizer([rollout.prompt_text for rollout in kept], padding=True)  # expect: CL002 "stored in `Rollout.prompt_text` by the calls that build it"

    def ids_again(self, rollouts: Iterable[Rollout]):
        kept = sorted(rollouts, key=lambda rollout: rollout.reward)
        return self.tokenizer([rollout.prompt_text for rollout in kept], add_special_tokens=False)
