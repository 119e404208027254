from dataclasses import dataclass


@dataclass(frozen=True)
class Dialogue:
    turns: list
    weight: float = 1.0

    @property
    def prompt_turns(self):
        return self.turns[:-1]

    @property
    def answer(self):
        return self.turns[-1]["content"]
