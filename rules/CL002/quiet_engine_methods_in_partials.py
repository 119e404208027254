# A callable a subclass builds with `functools.partial` on a method of the project's own (it posts the messages to
# a chat endpoint, which renders them itself), and one on the client's `chat_completion`, given the messages.
from functools import partial

import requests
from huggingface_hub import InferenceClient


class ChatModel:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, messages):
        return self.llm(messages, temperature=0.1)

    def preview(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


class EndpointChatModel(ChatModel):
    def __init__(self, tokenizer, url):
        super().__init__(tokenizer)
        self.url = url
        self.llm = partial(self._post, timeout=30)

    def _post(self, messages, temperature, timeout):
        body = {"messages": messages, "temperature": temperature}
        return requests.post(f"{self.url}/v1/chat/completions", json=body, timeout=timeout).json()


class HubChatModel(ChatModel):
    def __init__(self, tokenizer, url):
        super().__init__(tokenizer)
        client = InferenceClient(model=url)
        self.llm = partial(client.chat_completion, max_tokens=512)
