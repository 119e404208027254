# Rendered prompts posted as text to an OpenAI-compatible server's `/v1/completions` (vLLM, SGLang), which tokenizes
# a text prompt with special tokens on: with `requests`, and with the standard library's `urllib`.
import json
import urllib.request

import requests
from transformers import AutoTokenizer


class CompletionsScorer:
    def __init__(self, base_url, model):
        self.base_url = base_url.rstrip("/")
        self.model = model
        self.tokenizer = AutoTokenizer.from_pretrained(model)

    def render(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def logprobs(self, messages, n=5):
        body = {"model": self.model, "prompt": self.render(messages), "max_tokens": 1, "logprobs": n}
        request = urllib.request.Request(self.base_url + "/v1/completions", data=json.dumps(body).encode())  # expect: CL002 "a raw completions request (`/v1/completions`)"
        with urllib.request.urlopen(request) as response:
            return json.load(response)

    def complete(self, messages):
        prompt = self.render(messages)
        reply = requests.post(f"{self.base_url}/v1/completions", json={"model": self.model, "prompt": prompt})  # expect: CL002 "`prompt` is rendered by"
        return reply.json()["choices"][0]["text"]

    def proxy(self, body, system=None):
        # a proxy that renders the request's messages into its body before forwarding it
        body["prompt"] = self.render([{"role": "system", "content": system or ""}, *body.pop("messages")])
        return requests.post(f"{self.base_url}/v1/completions", json=body).json()  # expect: CL002 "a raw completions request"
