from dataclasses import dataclass


@dataclass
class ChatFormat:
    generation_prompt: bool = True
    enable_thinking: bool = False
    max_length: int = 2048

    def chat_template_kwargs(self) -> dict:
        return {"add_generation_prompt": self.generation_prompt, "enable_thinking": self.enable_thinking}
