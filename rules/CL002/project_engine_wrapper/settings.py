from dataclasses import dataclass


@dataclass
class Settings:
    model_path: str = "meta-llama/Llama-3.2-3B-Instruct"
    max_tokens: int = 256
