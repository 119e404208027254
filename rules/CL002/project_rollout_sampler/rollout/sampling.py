# The rollout engine: vLLM, given the prompts as text.
from vllm import LLM, SamplingParams


class Sampler:
    def __init__(self, model_name, group_size):
        self.llm = LLM(model=model_name)
        self.params = SamplingParams(n=group_size, max_tokens=512)

    def sample(self, prompts):
        outputs = self.llm.generate(prompts, self.params)
        return [[choice.text for choice in output.outputs] for output in outputs]
