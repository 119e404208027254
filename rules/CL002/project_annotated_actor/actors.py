# An actor that serves a model with vLLM: its `generate` hands the prompts it is given to the engine, which tokenizes
# text prompts with special tokens on. Nothing here renders; the learner that calls it does.
from vllm import LLM, SamplingParams


class Actor:
    def __init__(self, model):
        self.llm = LLM(model=model)

    def generate(self, prompts, params: SamplingParams):
        return self.llm.generate(prompts, params)

    def generate_ids(self, prompt_ids, params: SamplingParams):
        return self.llm.generate(prompt_token_ids=prompt_ids, sampling_params=params)
