# The template settings: the sampling command needs the generation prompt, so it is on by default.
from dataclasses import dataclass, field


@dataclass
class TemplateConfig:
    add_generation_prompt: bool = True


@dataclass
class RunConfig:
    model_name: str = "meta-llama/Llama-3.1-8B-Instruct"
    template: TemplateConfig = field(default_factory=TemplateConfig)
