from dataclasses import dataclass


@dataclass(frozen=True)
class Columns:
    messages: str = "messages"
    prompt_text: str = "prompt_rendered"
    full_text: str = "conversation_rendered"
