from dataclasses import dataclass, field
from typing import Any


@dataclass
class ProbeConfig:
    model_name: str = "google/gemma-2-2b-it"
    layer: int = 12
    chat_template_kwargs: dict[str, Any] = field(default_factory=lambda: {"add_generation_prompt": True})


@dataclass
class ListProbeConfig:
    model_name: str = "google/gemma-2-2b-it"
    layer: int = 12
    chat_template_kwargs: dict[str, Any] = field(
        default_factory=lambda: {"add_generation_prompt": True, "return_dict": False}
    )
