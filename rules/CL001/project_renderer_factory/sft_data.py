# The prompt renderer is used for the whole conversation, reply included: an empty assistant header is trained on.
from rendering import prompt_renderer, text_renderer, with_reply


class Formatter:
    def __init__(self, tok):
        self.render_prompt = prompt_renderer(tok)
        self.render_text = text_renderer(tok)

    def __call__(self, example):
        full = with_reply(example["history"], example["reply"])
        text = self.render_prompt(full)  # expect: CL001 "made by `prompt_renderer` (rendering.py:7)"
        prompt = self.render_prompt(example["history"])
        return {"text": text, "prompt": prompt, "labels": text}

    def fixed(self, example):
        full = with_reply(example["history"], example["reply"])
        return {"text": self.render_text(full), "labels": self.render_text(full)}
