class BaseRenderer:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def render(self, messages, tools=None):
        return self.tokenizer.apply_chat_template(messages, tools=tools, tokenize=False)


class ToolRenderer(BaseRenderer):
    pass


def build_renderer(model_name, tokenizer) -> BaseRenderer:
    return ToolRenderer(tokenizer) if "tool" in model_name else BaseRenderer(tokenizer)
