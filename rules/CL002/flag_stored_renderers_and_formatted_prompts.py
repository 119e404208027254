# A chat model class in the style of LLM integrations: `__init__` keeps a renderer in an attribute (the class's own
# method unless the caller gives one, also handed to the base class as a field), `chat()` renders with it and hands
# the text to `complete(prompt, formatted=True)`, which tokenizes a prompt untouched when it is marked formatted.
from transformers import AutoTokenizer


class BaseLLM:
    def __init__(self, **fields):
        for name, value in fields.items():
            setattr(self, name, value)


class LocalLLM(BaseLLM):
    def __init__(self, path, system_prompt=None, messages_to_prompt=None):
        self._tokenizer = AutoTokenizer.from_pretrained(path)
        self.system_prompt = system_prompt
        messages_to_prompt = messages_to_prompt or self._tokenizer_messages_to_prompt
        super().__init__(messages_to_prompt=messages_to_prompt)

    def _tokenizer_messages_to_prompt(self, messages):
        return self._tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def complete(self, prompt, formatted=False):
        full_prompt = prompt
        if not formatted:
            if self.system_prompt:
                full_prompt = f"{self.system_prompt} {full_prompt}"
        return self._tokenizer(full_prompt, return_tensors="pt")

    def chat(self, messages):
        prompt = self.messages_to_prompt(messages)
        return self.complete(prompt, formatted=True)  # expect: CL002 "through the helper `LocalLLM.complete` (called with `formatted=True`)"


class Summarizer:
    def __init__(self, path):
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.to_prompt = self.render

    def render(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def encode(self, messages):
        prompt = self.to_prompt(messages)
        return self.tokenizer(prompt, return_tensors="pt")  # expect: CL002 "returned by `Summarizer.render`"
