from .base import PromptRenderer


class Qwen3Renderer(PromptRenderer):
    def template_kwargs(self):
        kwargs = super().template_kwargs()
        kwargs.setdefault("enable_thinking", False)
        return kwargs
