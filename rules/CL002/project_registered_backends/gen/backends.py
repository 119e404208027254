from vllm import LLM, SamplingParams
from vllm.inputs import TokensPrompt

from .config import RunConfig

BACKENDS = {}


def register_backend(name):
    def add(cls):
        BACKENDS[name] = cls
        return cls

    return add


def build_backend(cfg: RunConfig):
    return BACKENDS[cfg.backend](cfg)


class Backend:
    def generate(self, prompts):
        raise NotImplementedError


@register_backend("token-ids")
class TokenIdsBackend(Backend):
    def __init__(self, cfg: RunConfig):
        self.cfg = cfg
        self.llm = LLM(model=cfg.checkpoint)
        self.tokenizer = self.llm.get_tokenizer()

    def _ids(self, text):
        options = self.cfg.tokenize
        ids = self.tokenizer(text, add_special_tokens=options.add_special_tokens)["input_ids"]
        return TokensPrompt(prompt_token_ids=ids[-options.max_prompt_tokens :])

    def generate(self, prompts):
        outputs = self.llm.generate([self._ids(prompt) for prompt in prompts], SamplingParams(max_tokens=256))
        return [output.outputs[0].text for output in outputs]
