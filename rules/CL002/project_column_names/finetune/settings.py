# Configuration classes: the defaults name the columns the training scripts read.
from dataclasses import dataclass, field


@dataclass
class ChatDataConfig:
    text_column: str = field(default="chat_text", metadata={"help": "the rendered chat column"})
    max_len: int = 1024


@dataclass
class CorpusConfig:
    text_column: str = "body"  # plain documents: their BOS is the tokenizer's
