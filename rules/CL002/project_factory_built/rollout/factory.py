from transformers import AutoTokenizer

from .engine import Engine
from .prompts import PromptBuilder

POLICY = "meta-llama/Llama-3.1-8B-Instruct"


def make_prompt_builder(name: str = POLICY) -> PromptBuilder:
    return PromptBuilder(AutoTokenizer.from_pretrained(name))


def make_engine(name: str = POLICY) -> "Engine":
    return Engine(name)
