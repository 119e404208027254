"""Renderers: the model's own chat template, or the turns joined as plain text."""

from transformers import AutoTokenizer

from agentkit.provider.interfaces import PromptRenderer


class TemplateRenderer(PromptRenderer):
    def __init__(self, checkpoint: str):
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)

    def render(self, messages, tools=None):
        return self.tokenizer.apply_chat_template(messages, tools=tools, tokenize=False, add_generation_prompt=True)


class PlainRenderer(PromptRenderer):
    def render(self, messages, tools=None):
        return "\n".join(f"{m['role']}: {m['content']}" for m in messages) + "\nassistant:"
