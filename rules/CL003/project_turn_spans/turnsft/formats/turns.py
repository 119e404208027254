# Every assistant turn trained: each turn's span starts where the render of the messages before it ends. Rendered
# without the generation prompt, that render stops before the assistant header, which lands in the span and is
# trained on; the twin opens the assistant turn before measuring.
from . import IGNORE_INDEX, Formatter


class EveryTurn(Formatter):
    def __call__(self, messages):
        full = self._ids(messages)
        labels = [IGNORE_INDEX] * len(full)
        for i, message in enumerate(messages):
            if message["role"] != "assistant":
                continue
            start = len(self._ids(messages[:i]))  # expect: CL003 "through the wrapper `Formatter._ids`"
            end = len(self._ids(messages[: i + 1]))
            labels[start:end] = full[start:end]
        return self._pack(full, labels)


class EveryTurnOpened(Formatter):
    def __call__(self, messages):
        full = self._ids(messages)
        labels = [IGNORE_INDEX] * len(full)
        for i, message in enumerate(messages):
            if message["role"] != "assistant":
                continue
            start = len(self._ids(messages[:i], add_generation_prompt=True))
            end = len(self._ids(messages[: i + 1]))
            labels[start:end] = full[start:end]
        return self._pack(full, labels)
