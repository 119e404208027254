# An evaluation model whose `add_special_tokens` comes from its configuration: `__init__` copies the field (behind a
# property), and the field defaults to True, so by default every rendered context gets a second BOS.
from pydantic import BaseModel
from transformers import AutoTokenizer


class ModelConfig(BaseModel):
    model_name: str
    add_special_tokens: bool = True


class EvalModel:
    def __init__(self, config: ModelConfig):
        self.tokenizer = AutoTokenizer.from_pretrained(config.model_name)
        self._add_special_tokens = config.add_special_tokens

    @property
    def add_special_tokens(self):
        """Whether the tokenizer adds its special tokens."""
        return self._add_special_tokens

    def greedy_until(self, conversations):
        contexts = [self.tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
        return self.tokenizer(contexts, add_special_tokens=self.add_special_tokens)  # expect: CL002 "set by the default of the configuration field `ModelConfig.add_special_tokens`"


class GuardedModel:
    # a default applied only when the field is unset leaves the field's `True` as it is
    def __init__(self, config: ModelConfig):
        self.tokenizer = AutoTokenizer.from_pretrained(config.model_name)
        self.add_special_tokens = config.add_special_tokens if config.add_special_tokens is not None else False
        self.add_bos = config.add_special_tokens or False

    def greedy_until(self, conversations):
        contexts = [self.tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
        return self.tokenizer(contexts, add_special_tokens=self.add_special_tokens)  # expect: CL002 "set by the default of the configuration field"

    def loglikelihood(self, conversations):
        contexts = [self.tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
        return self.tokenizer(contexts, add_special_tokens=self.add_bos)  # expect: CL002 "set by the default of the configuration field"


class KeptConfigModel:
    # the configuration kept whole, its field read where the tokenizer is called (directly, or through a local name)
    def __init__(self, config: ModelConfig):
        self.config = config
        self.tokenizer = AutoTokenizer.from_pretrained(config.model_name)

    def encode(self, conversation):
        context = self.tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        special = self.config.add_special_tokens
        return self.tokenizer(context, add_special_tokens=special)  # expect: CL002 "`ModelConfig.add_special_tokens`"
