# Configuration classes: the render settings are nested in the service's.
from dataclasses import dataclass, field


@dataclass
class RenderConfig:
    add_generation_prompt: bool = True
    max_prompt_tokens: int = 6144


@dataclass
class ServiceConfig:
    model: str = "meta-llama/Llama-3.1-8B-Instruct"
    feedback_path: str = "feedback.jsonl"
    render: RenderConfig = field(default_factory=RenderConfig)


@dataclass
class ExportRender:
    add_generation_prompt: bool = False


@dataclass
class ExportConfig:
    model: str = "meta-llama/Llama-3.1-8B-Instruct"
    render: ExportRender = field(default_factory=ExportRender)
