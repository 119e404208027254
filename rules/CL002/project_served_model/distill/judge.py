from openai import OpenAI

from .prompts import render_request
from .settings import JudgeSettings


class Judge:
    def __init__(self, settings: JudgeSettings, tokenizer):
        self.settings = settings
        self.tokenizer = tokenizer
        self.client = OpenAI(base_url=settings.base_url, api_key="EMPTY")

    def score(self, record):
        prompt = render_request(self.tokenizer, record)
        reply = self.client.completions.create(model=self.settings.model, prompt=prompt, max_tokens=8)  # expect: CL002 "a completions request to an OpenAI-compatible server"
        return reply.choices[0].text
