from dataclasses import dataclass, field


@dataclass
class TokenizeOptions:
    add_special_tokens: bool = True
    max_prompt_tokens: int = 4096


@dataclass
class RunConfig:
    checkpoint: str = "mistralai/Mistral-7B-Instruct-v0.3"
    backend: str = "token-ids"
    style: str = "qa"
    tokenize: TokenizeOptions = field(default_factory=TokenizeOptions)
