# Structured generation with Outlines: the model `outlines.from_transformers` wraps tokenizes a text prompt with the
# tokenizer's special tokens on (and takes no switch for it), called directly or through a generator built on it; a
# prompt rendered with `tokenize=False` gets a second BOS.
import outlines
from pydantic import BaseModel
from transformers import AutoModelForCausalLM, AutoTokenizer

CHECKPOINT = "meta-llama/Llama-3.1-8B-Instruct"


class Answer(BaseModel):
    label: str


class StructuredGenerator:
    def __init__(self):
        self.tokenizer = AutoTokenizer.from_pretrained(CHECKPOINT)
        self.model = outlines.from_transformers(AutoModelForCausalLM.from_pretrained(CHECKPOINT), self.tokenizer)

    def answer(self, messages):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.model(prompt, Answer, max_new_tokens=64)  # expect: CL002 "an Outlines model of a transformers model"

    def label(self, messages):
        generator = outlines.Generator(self.model, outlines.json_schema(Answer))
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return generator(prompt, max_new_tokens=64)  # expect: CL002 "an Outlines model of a transformers model"
