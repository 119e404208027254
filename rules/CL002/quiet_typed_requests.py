# Typed requests whose rendered prompt is tokenized with special tokens off, and a key that holds raw text.
from typing import TypedDict


class GenerationRequest(TypedDict):
    prompt: str
    title: str


class Server:
    def __init__(self, model, tokenizer):
        self.model = model
        self.tokenizer = tokenizer

    def serve(self, raw_request: GenerationRequest):
        encoded = self.tokenizer(raw_request["prompt"], return_tensors="pt", add_special_tokens=False)
        return self.model.generate(**encoded)

    def title_length(self, raw_request: GenerationRequest):
        return len(self.tokenizer(raw_request["title"])["input_ids"])


class Client:
    def __init__(self, server, tokenizer):
        self.server = server
        self.tokenizer = tokenizer

    def complete(self, messages, title):
        request: GenerationRequest = {
            "prompt": self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True),
            "title": title,
        }
        self.server.title_length(request)
        return self.server.serve(request)
