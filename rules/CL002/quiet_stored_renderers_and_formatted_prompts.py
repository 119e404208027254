# The twins: a prompt not marked formatted is wrapped before it is tokenized (the render is not at its start), a
# stored renderer that writes plain text, and a tokenizer told not to add special tokens.
from transformers import AutoTokenizer


class LocalLLM:
    def __init__(self, path, system_prompt=None, messages_to_prompt=None):
        self._tokenizer = AutoTokenizer.from_pretrained(path)
        self.system_prompt = system_prompt
        self.messages_to_prompt = messages_to_prompt or self._tokenizer_messages_to_prompt

    def _tokenizer_messages_to_prompt(self, messages):
        return self._tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def complete(self, prompt, formatted=False):
        full_prompt = prompt
        if not formatted:
            full_prompt = f"{self.system_prompt or ''}\n\n{full_prompt}"
        return self._tokenizer(full_prompt, return_tensors="pt")

    def chat(self, messages):
        prompt = self.messages_to_prompt(messages)
        return self.complete(prompt)


class Summarizer:
    def __init__(self, path):
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.to_prompt = self.render

    def render(self, messages):
        return "\n".join(message["content"] for message in messages)

    def encode(self, messages):
        prompt = self.to_prompt(messages)
        return self.tokenizer(prompt, return_tensors="pt")


class PlainSummarizer:
    def __init__(self, path):
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.to_prompt = self.render

    def render(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def encode(self, messages):
        prompt = self.to_prompt(messages)
        return self.tokenizer(prompt, add_special_tokens=False, return_tensors="pt")
