from dataclasses import dataclass, field


@dataclass
class Exchange:
    user: str
    assistant: str


@dataclass
class TrainingDialogue:
    system: str | None
    history: list[Exchange] = field(default_factory=list)
    question: str = ""
    reply: str = ""

    @classmethod
    def from_row(cls, row: dict) -> "TrainingDialogue":
        history = [Exchange(turn["q"], turn["a"]) for turn in row.get("context", [])]
        return cls(row.get("system"), history, row["question"], row["response"])

    def prompt_messages(self) -> list[dict[str, str]]:
        messages = [{"role": "system", "content": self.system}] if self.system else []
        for exchange in self.history:
            messages.append({"role": "user", "content": exchange.user})
            messages.append({"role": "assistant", "content": exchange.assistant})
        messages.append({"role": "user", "content": self.question})
        return messages

    def as_messages(self) -> list[dict[str, str]]:
        messages = self.prompt_messages()
        messages.append({"role": "assistant", "content": self.reply})
        return messages
