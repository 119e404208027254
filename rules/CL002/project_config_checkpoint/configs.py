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
