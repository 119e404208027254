# Handlers for an offline vLLM runner: the base class's render takes the template's BOS off, since the engine
# adds its own; a subclass hands that text on as it is.
from transformers import AutoTokenizer


class ServedHandler:
    def __init__(self, model_id):
        self.model_id = model_id
        self.tokenizer = AutoTokenizer.from_pretrained(model_id)

    def format_prompt(self, messages):
        raise NotImplementedError

    def _render_template(self, messages):
        text = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        bos = self.tokenizer.bos_token
        if bos and text.startswith(bos):
            text = text[len(bos) :]
        return text


class LlamaServedHandler(ServedHandler):
    def format_prompt(self, messages):
        return self._render_template(messages)


class RawServedHandler(ServedHandler):
    def format_prompt(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
