"""What a provider needs: something that renders a conversation as a prompt, and an endpoint that completes it."""

import abc


class PromptRenderer(abc.ABC):
    @abc.abstractmethod
    def render(self, messages: list[dict], tools: list | None = None) -> str: ...


class CompletionEndpoint(abc.ABC):
    @abc.abstractmethod
    def complete(self, prompt: str, settings: dict) -> str: ...


class AsyncCompletionEndpoint(abc.ABC):
    @abc.abstractmethod
    async def complete(self, prompt: str, settings: dict) -> str: ...


class TokenEndpoint(abc.ABC):
    @abc.abstractmethod
    def complete_ids(self, prompt: str) -> list[int]: ...
