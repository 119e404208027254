from . import register_model


@register_model("echo")
class EchoModel:
    def __init__(self, cfg):
        self.cfg = cfg

    def generate(self, prompt, max_new_tokens=128):
        return prompt[-max_new_tokens:]
