from dataclasses import dataclass


@dataclass
class Options:
    conversation_column: str = "conversation"
    text_column: str = "formatted"
    max_len: int = 4096
