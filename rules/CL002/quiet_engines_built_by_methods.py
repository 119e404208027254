# Attributes a method builds: a client of the project's own (its `generate` sends the text as it is), and an engine
# given token ids.
from vllm import LLM


class ChatClient:
    def __init__(self, url):
        self.url = url

    def generate(self, prompt):
        return {"url": self.url, "prompt": prompt}


class RemoteRunner:
    def __init__(self, tokenizer, url):
        self.tokenizer = tokenizer
        self.model = self._create_client(url)

    def _create_client(self, url):
        client = ChatClient(url)
        return client

    def run(self, messages):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.model.generate(prompt)


class LocalRunner:
    def __init__(self, tokenizer, name):
        self.tokenizer = tokenizer
        self.model = self._create_model(name)

    def _create_model(self, name):
        return LLM(model=name)

    def run_ids(self, messages):
        # token ids: vLLM adds nothing to them
        ids = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
        return self.model.generate({"prompt_token_ids": ids})


class UnwrappingRemoteRunner(RemoteRunner):
    def run_raw(self, messages):
        # the client a wrapper holds, or the client itself: the project's own, which sends the text as it is
        client = getattr(self.model, "client", self.model)
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return client.generate(prompt)
