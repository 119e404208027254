# A base class calls a callable its subclass of the module builds with `functools.partial` on a TGI client's
# `text_generation`: the rendered prompt goes to a server that tokenizes it with special tokens on.
from functools import partial

from huggingface_hub import InferenceClient


class ChatModel:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, messages):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.llm(prompt, temperature=0.1)  # expect: CL002 "huggingface_hub's `InferenceClient.text_generation`"


class RemoteChatModel(ChatModel):
    def __init__(self, tokenizer, url, max_new_tokens=512):
        super().__init__(tokenizer)
        client = InferenceClient(model=url)
        self.llm = partial(client.text_generation, max_new_tokens=max_new_tokens)
