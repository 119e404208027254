"""Run configuration, loaded from a YAML recipe."""
from dataclasses import dataclass, field

import yaml


@dataclass
class FormatConfig:
    max_length: int = 2048
    # keep the template identical to what the model sees when serving
    add_generation_prompt: bool = True


@dataclass
class RunConfig:
    model_name: str = "meta-llama/Llama-3.1-8B-Instruct"
    dataset: str = "HuggingFaceH4/ultrachat_200k"
    format: FormatConfig = field(default_factory=FormatConfig)

    @classmethod
    def from_yaml(cls, path):
        with open(path) as handle:
            raw = yaml.safe_load(handle) or {}
        return cls(format=FormatConfig(**raw.pop("format", {})), **raw)
