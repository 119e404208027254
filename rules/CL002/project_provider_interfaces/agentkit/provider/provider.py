"""Providers: render the conversation with the renderer they are given, complete it with their endpoint."""

from .interfaces import AsyncCompletionEndpoint, CompletionEndpoint, PromptRenderer, TokenEndpoint
from .renderers import PlainRenderer


class CompletionProvider:
    def __init__(self, endpoint: CompletionEndpoint, renderer: PromptRenderer = None):
        self.renderer = renderer or PlainRenderer()
        self.endpoint = endpoint

    def respond(self, messages, settings=None, tools=None):
        prompt = self.renderer.render(messages, tools=tools)
        return self.endpoint.complete(prompt, settings or {})  # expect: CL002 "through the helper `LocalEndpoint.complete`"


class AsyncCompletionProvider:
    def __init__(self, endpoint: AsyncCompletionEndpoint, renderer: PromptRenderer):
        self.renderer = renderer
        self.endpoint = endpoint

    async def respond(self, messages, settings=None):
        prompt = self.renderer.render(messages)
        return await self.endpoint.complete(prompt, settings or {})  # expect: CL002 "through the helper `AsyncLocalEndpoint.complete`"


class TokenProvider:
    def __init__(self, endpoint: TokenEndpoint, renderer: PromptRenderer):
        self.renderer = renderer
        self.endpoint = endpoint

    def respond_ids(self, messages):
        return self.endpoint.complete_ids(self.renderer.render(messages))
