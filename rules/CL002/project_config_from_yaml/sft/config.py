from dataclasses import dataclass

import yaml


@dataclass
class RunConfig:
    model_name_or_path: str = "Qwen/Qwen2.5-7B-Instruct"
    max_length: int = 2048

    @classmethod
    def from_yaml(cls, path):
        with open(path) as handle:
            return cls(**(yaml.safe_load(handle) or {}))


@dataclass
class LlamaRunConfig:
    model_name_or_path: str = "meta-llama/Llama-3.1-8B-Instruct"
    max_length: int = 4096

    @classmethod
    def from_yaml(cls, path):
        with open(path) as handle:
            return cls(**(yaml.safe_load(handle) or {}))
