from transformers import AutoTokenizer
from vllm import LLM, SamplingParams

from .config import EvolConfig


class VLLMBackend:
    def __init__(self, cfg: EvolConfig):
        self.llm = LLM(model=cfg.model)
        self.tokenizer = AutoTokenizer.from_pretrained(cfg.model)

    def complete(self, prompt: str) -> str:
        return self.llm.generate([prompt], SamplingParams(max_tokens=512))[0].outputs[0].text
