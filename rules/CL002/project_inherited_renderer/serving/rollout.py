# A backend renders with the method it inherits and hands the text to its own `generate`, which tokenizes it
# through the inherited `_truncated` with special tokens on: a second BOS after the template's. The raw path
# tokenizes without them.
from .base import InferenceModel


class EngineRollout(InferenceModel):
    def __init__(self, tokenizer, engine):
        super().__init__(tokenizer)
        self.engine = engine

    def chat(self, messages, **sampling):
        prompt = self.apply_chat_template(self.tokenizer, messages)
        return self.generate(prompt, **sampling)  # expect: CL002 "rendered by `self.apply_chat_template(..., tokenize=False)` (the wrapper `InferenceModel.apply_chat_template`"

    def generate(self, prompt, **sampling):
        ids, complete = self._truncated(prompt)
        return self.engine.generate(prompt_token_ids=ids, **sampling)

    def chat_raw(self, messages, **sampling):
        prompt = self.apply_chat_template(self.tokenizer, messages)
        return self.generate_raw(prompt, **sampling)

    def generate_raw(self, prompt, **sampling):
        return self.engine.generate(prompt_token_ids=self._encode_raw(prompt), **sampling)
