from dataclasses import dataclass, field


@dataclass
class DataConf:
    source: str = "org/chats"
    text_field: str = "text"
    max_len: int = 2048


@dataclass
class RunConf:
    checkpoint: str = "meta-llama/Llama-3.1-8B-Instruct"
    data: DataConf = field(default_factory=DataConf)
