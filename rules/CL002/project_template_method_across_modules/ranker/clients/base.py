from abc import abstractmethod


class BaseClient:
    def invoke(self, prompt, history=None, **options):
        prepared = self._prepare_messages(prompt, history or [])
        return self._do_invoke(prepared, **options)

    @abstractmethod
    def _prepare_messages(self, prompt, history):
        """The vendor's form of the request."""

    @abstractmethod
    def _do_invoke(self, prepared, **options):
        """Send it."""
