# The steps every client runs; what a step does is each backend's own.
from abc import ABC, abstractmethod


class ChatClient(ABC):
    def complete(self, prompt, history=None, **options):
        prepared = self._prepare(prompt, history or [])
        raw = self._send(prepared, **options)
        return self._parse(raw)

    @abstractmethod
    def _prepare(self, prompt, history):
        raise NotImplementedError

    @abstractmethod
    def _send(self, prepared, **options):
        raise NotImplementedError

    def _parse(self, raw):
        return raw
