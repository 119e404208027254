# A rendered prompt sent as text to a TGI server through huggingface_hub's client: the server tokenizes a text input
# with special tokens on (its `/generate` takes no switch for it), so a template that writes a BOS gets a second one.
from huggingface_hub import AsyncInferenceClient, InferenceClient


def ask(tokenizer, conversation, url):
    client = InferenceClient(base_url=url)
    prompt = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
    return client.text_generation(prompt, max_new_tokens=256)  # expect: CL002 "huggingface_hub's `InferenceClient.text_generation`"


class Endpoint:
    def __init__(self, url):
        self.client = AsyncInferenceClient(url)

    async def complete(self, tokenizer, conversation):
        prompt = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        return await self.client.text_generation(prompt=prompt, max_new_tokens=64)  # expect: CL002 "`AsyncInferenceClient.text_generation`"


class PairedEndpoint:
    """Both clients made by a method of the class: `text_generation` is still huggingface_hub's (the module imports
    its clients, and no other library names a method so)."""

    def __init__(self, url):
        self.async_client, self.client = self._clients(url)

    def _clients(self, url):
        return AsyncInferenceClient(url), InferenceClient(url)

    def _request(self, context):
        return self.client.text_generation(prompt=context, details=True)

    def greedy(self, tokenizer, conversations):
        prompts = [tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
        return [self._request(context=prompt) for prompt in prompts]  # expect: CL002 "through the helper `PairedEndpoint._request`"
