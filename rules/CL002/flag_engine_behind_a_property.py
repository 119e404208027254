# An evaluation backend that loads its engine lazily behind a property (`self._engine` returns `self._llm`, built
# by `load()` on first use): the rendered text it hands the engine reaches vLLM's `generate`, which adds a second BOS.
class OfflineBackend:
    def __init__(self, repo):
        self.repo = repo
        self._llm = None

    def load(self):
        from vllm import LLM

        self._llm = LLM(model=self.repo)

    @property
    def _engine(self):
        if self._llm is None:
            self.load()
        return self._llm

    def chat(self, messages):
        tok = self._engine.get_tokenizer()
        text = tok.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
        out = self._engine.generate([text])  # expect: CL002 "vLLM's `LLM.generate`"
        return out[0].outputs[0].text
