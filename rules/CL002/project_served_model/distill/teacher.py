from openai import OpenAI

from .prompts import render_request
from .settings import TeacherSettings


class Teacher:
    def __init__(self, settings: TeacherSettings, tokenizer):
        self.settings = settings
        self.tokenizer = tokenizer
        self.client = OpenAI(base_url=settings.base_url, api_key="EMPTY")

    def answer(self, record):
        prompt = render_request(self.tokenizer, record)
        reply = self.client.completions.create(model=self.settings.model, prompt=prompt, max_tokens=512)
        return reply.choices[0].text
