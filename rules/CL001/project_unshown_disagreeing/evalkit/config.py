"""Configurations for sampling and for training."""
from dataclasses import dataclass


@dataclass
class SamplingConfig:
    add_generation_prompt: bool = True


@dataclass
class TrainingFormatConfig:
    max_length: int = 2048
    add_generation_prompt: bool = False
