# Lazy properties that lead elsewhere: one returns the project's own HTTP client (its `generate` sends the text as
# it is), another is given token ids, not text.
from vllm import LLM


class TextClient:
    def __init__(self, url):
        self.url = url

    def generate(self, prompts):
        return [{"url": self.url, "prompt": prompt} for prompt in prompts]


class RemoteBackend:
    def __init__(self, url):
        self.url = url
        self._client = None

    @property
    def _engine(self):
        if self._client is None:
            self._client = TextClient(self.url)
        return self._client

    def chat(self, tokenizer, messages):
        text = tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
        return self._engine.generate([text])


class IdsBackend:
    def __init__(self, repo):
        self.repo = repo
        self._llm = None

    @property
    def _engine(self):
        if self._llm is None:
            self._llm = LLM(model=self.repo)
        return self._llm

    def chat(self, messages):
        tok = self._engine.get_tokenizer()
        ids = tok.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
        return self._engine.generate({"prompt_token_ids": ids})
