# A callable object that renders a task's context as one user turn: its `__call__` returns the render's text.
class ChatFormatter:
    def __init__(self, tokenizer, system=None):
        self.tokenizer = tokenizer
        self.system = system

    def messages(self, context):
        turns = [{"role": "system", "content": self.system}] if self.system else []
        return [*turns, {"role": "user", "content": context}]

    def __call__(self, context):
        return self.tokenizer.apply_chat_template(self.messages(context), tokenize=False, add_generation_prompt=True)


class PlainFormatter:
    """No template: the context as it is."""

    def __call__(self, context):
        return context
