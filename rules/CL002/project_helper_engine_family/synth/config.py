from dataclasses import dataclass, field


@dataclass
class EngineConfig:
    model: str = "Qwen/Qwen2.5-72B-Instruct"
    tensor_parallel_size: int = 8


@dataclass
class JudgeConfig:
    model: str = "meta-llama/Meta-Llama-3-70B-Instruct"


@dataclass
class Settings:
    engine: EngineConfig = field(default_factory=EngineConfig)
    judge: JudgeConfig = field(default_factory=JudgeConfig)
    min_score: int = 8
