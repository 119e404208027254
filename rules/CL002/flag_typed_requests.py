# A request typed as a `TypedDict`, built with the rendered prompt by one class and served by another, which
# tokenizes the prompt again with special tokens on.
from typing import TypedDict


class GenerationRequest(TypedDict):
    prompt: str
    max_new_tokens: int


class Server:
    def __init__(self, model, tokenizer):
        self.model = model
        self.tokenizer = tokenizer

    def serve(self, raw_request: GenerationRequest):
        encoded = self.tokenizer(raw_request["prompt"], return_tensors="pt")  # expect: CL002 "stored in key `prompt` of the `GenerationRequest` built at line 27"
        return self.model.generate(**encoded, max_new_tokens=raw_request["max_new_tokens"])


class Client:
    def __init__(self, server, tokenizer):
        self.server = server
        self.tokenizer = tokenizer

    def complete(self, messages):
        request: GenerationRequest = {
            "prompt": self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True),
            "max_new_tokens": 256,
        }
        return self.server.serve(request)
