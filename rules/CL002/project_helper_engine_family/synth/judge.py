from vllm import LLM, SamplingParams

from .config import JudgeConfig


class Judge:
    def __init__(self, cfg: JudgeConfig):
        self.llm = LLM(model=cfg.model)
        self.tokenizer = self.llm.get_tokenizer()

    def score(self, prompts):
        outputs = self.llm.generate(prompts, SamplingParams(temperature=0.0))
        return [output.outputs[0].text for output in outputs]
