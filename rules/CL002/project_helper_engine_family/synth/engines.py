from vllm import LLM, SamplingParams

from .config import EngineConfig


class Engine:
    def __init__(self, cfg: EngineConfig):
        self.llm = LLM(model=cfg.model, tensor_parallel_size=cfg.tensor_parallel_size)
        self.tokenizer = self.llm.get_tokenizer()

    def complete(self, prompts, **sampling):
        outputs = self.llm.generate(prompts, SamplingParams(**sampling))
        return [output.outputs[0].text for output in outputs]
