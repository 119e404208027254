from dataclasses import dataclass


@dataclass
class EvolConfig:
    model: str = "Qwen/Qwen2.5-7B-Instruct"
    rounds: int = 3
