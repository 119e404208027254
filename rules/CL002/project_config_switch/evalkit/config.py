# The configuration classes of the evaluator: whether the tokenizer adds its special tokens is a field.
from dataclasses import dataclass, field


@dataclass
class ModelArgs:
    pretrained: str = "meta-llama/Llama-3.1-8B-Instruct"
    max_length: int = 4096
    add_bos_token: bool = True


@dataclass
class ChatArgs:
    pretrained: str = "meta-llama/Llama-3.1-8B-Instruct"
    add_bos_token: bool = field(default=False)
