from abc import ABC, abstractmethod


class ModelBackend(ABC):
    @abstractmethod
    def tokenize(self, text: str):
        """Token ids of `text`."""

    @abstractmethod
    def forward(self, ids): ...


class ScoringBackend(ABC):
    @abstractmethod
    def encode(self, text: str): ...
