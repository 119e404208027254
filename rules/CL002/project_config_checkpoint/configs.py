# Configuration classes whose defaults name the checkpoint another module loads.
from dataclasses import dataclass


@dataclass
class EvalConfig:
    model: str = "Qwen/Qwen2.5-7B-Instruct"
    max_new_tokens: int = 512


@dataclass
class BaselineConfig:
    checkpoint: str = "meta-llama/Llama-3.1-8B-Instruct"
    max_new_tokens: int = 512


QWEN_CHECKPOINT = "Qwen/Qwen2.5-7B-Instruct"


@dataclass(frozen=True)
class JobSettings:
    input_path: str = "questions.jsonl"

    @property
    def model_id(self) -> str:
        # a property that always gives one checkpoint
        return QWEN_CHECKPOINT


@dataclass(frozen=True)
class GemmaJobSettings:
    input_path: str = "questions.jsonl"

    @property
    def model_id(self) -> str:
        return "google/gemma-2-9b-it"
