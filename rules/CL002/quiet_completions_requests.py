# The twins: the chat endpoint is given the messages (the server renders them once); the completions request turns
# the server's special tokens off; another request sends the prompt's token ids.
import requests
from transformers import AutoTokenizer


class CompletionsScorer:
    def __init__(self, base_url, model):
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.tokenizer = AutoTokenizer.from_pretrained(model)

    def render(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def chat(self, messages):
        body = {"model": self.model, "messages": messages}
        return requests.post(f"{self.base_url}/v1/chat/completions", json=body).json()

    def complete(self, messages):
        body = {"model": self.model, "prompt": self.render(messages), "add_special_tokens": False}
        return requests.post(f"{self.base_url}/v1/completions", json=body).json()

    def complete_ids(self, messages):
        ids = self.tokenizer(self.render(messages), add_special_tokens=False)["input_ids"]
        return requests.post(f"{self.base_url}/v1/completions", json={"model": self.model, "prompt": ids}).json()

    def proxy(self, body):
        # the proxy renders into the request's body and turns the server's special tokens off there
        body["prompt"] = self.render(body.pop("messages"))
        body["add_special_tokens"] = False
        return requests.post(f"{self.base_url}/v1/completions", json=body).json()
