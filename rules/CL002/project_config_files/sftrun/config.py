# Run configurations, read from YAML files with the defaults below for what a file leaves out.
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass
class TrainConfig:
    model: str = "meta-llama/Llama-3.1-8B-Instruct"
    max_length: int = 2048
    add_special_tokens: bool = True


@dataclass
class EvalConfig:
    model: str = "meta-llama/Llama-3.1-8B-Instruct"
    add_bos_token: bool = True


def load(cls, path):
    return cls(**(yaml.safe_load(Path(path).read_text()) or {}))
