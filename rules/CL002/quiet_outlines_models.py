# The twins of flag_outlines_models.py left alone: an Outlines model of a chat API (the client sends the text as a
# message, no tokenizer of this process adds a BOS), and a transformers model given the conversation itself (Outlines
# renders it) or a prompt whose BOS was taken off.
import openai
import outlines
from outlines.inputs import Chat
from pydantic import BaseModel
from transformers import AutoModelForCausalLM, AutoTokenizer

CHECKPOINT = "meta-llama/Llama-3.1-8B-Instruct"


class Answer(BaseModel):
    label: str


class StructuredGenerator:
    def __init__(self):
        self.tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)
        self.model = outlines.from_transformers(AutoModelForCausalLM.from_pretrained(CHECKPOINT), self.tokenizer)
        self.api = outlines.from_openai(openai.OpenAI(), "gpt-4o-mini")

    def answer(self, messages):
        return self.model(Chat(messages), Answer, max_new_tokens=64)

    def stripped(self, messages):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        prompt = prompt.removeprefix(self.tokenizer.bos_token)
        return self.model(prompt, Answer, max_new_tokens=64)

    def remote(self, messages):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        generator = outlines.Generator(self.api, Answer)
        return generator(prompt)
