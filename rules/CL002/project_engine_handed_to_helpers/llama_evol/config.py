from dataclasses import dataclass


@dataclass
class EvolConfig:
    model: str = "meta-llama/Meta-Llama-3-8B-Instruct"
    rounds: int = 3
