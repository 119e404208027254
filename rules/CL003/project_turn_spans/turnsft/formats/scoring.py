# The flags come from a configuration's method the call spreads (`**self.render.prompt_kwargs()`): it may set the
# generation prompt, and the code here does not show it, so the prompt's length is not judged.
from . import IGNORE_INDEX, render_ids


class ReferenceScore:
    def __init__(self, tokenizer, render):
        self.tokenizer = tokenizer
        self.render = render

    def __call__(self, messages):
        full = render_ids(self.tokenizer, messages)
        prompt = render_ids(self.tokenizer, messages[:-1], **self.render.prompt_kwargs())
        labels = [IGNORE_INDEX] * len(prompt) + full[len(prompt) :]
        return {"input_ids": full, "labels": labels}
