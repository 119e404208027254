from dataclasses import dataclass, field


@dataclass
class TemplateConfig:
    add_generation_prompt: bool = True
    max_length: int = 4096


@dataclass
class TrainConfig:
    model_name_or_path: str = "meta-llama/Llama-3.1-8B-Instruct"
    template: TemplateConfig = field(default_factory=TemplateConfig)
