from transformers import AutoModelForCausalLM, AutoTokenizer

from .formatting import PlainFormattingMixin
from .generation import CompletionMixin, GenerationMixin, PlainGenerationMixin
from .sampling import SamplingMixin


class _Loaded:
    def __init__(self, name: str):
        self.tokenizer = AutoTokenizer.from_pretrained(name)
        self.model = AutoModelForCausalLM.from_pretrained(name)


class ChatEngine(_Loaded, SamplingMixin, GenerationMixin):
    pass


class PlainChatEngine(_Loaded, SamplingMixin, PlainGenerationMixin):
    pass


class CompletionEngine(_Loaded, PlainFormattingMixin, CompletionMixin):
    pass
