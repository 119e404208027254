# The twins: a configuration field that defaults to False, and one without a default (the configuration decides).
from dataclasses import dataclass

from transformers import AutoTokenizer


@dataclass
class ModelConfig:
    model_name: str
    add_special_tokens: bool = False


@dataclass
class ChosenConfig:
    model_name: str
    add_special_tokens: bool


class EvalModel:
    def __init__(self, config: ModelConfig):
        self.tokenizer = AutoTokenizer.from_pretrained(config.model_name)
        self.add_special_tokens = config.add_special_tokens

    def greedy_until(self, conversations):
        contexts = [self.tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
        return self.tokenizer(contexts, add_special_tokens=self.add_special_tokens)


class ChosenModel:
    def __init__(self, config: ChosenConfig):
        self.tokenizer = AutoTokenizer.from_pretrained(config.model_name)
        self.add_special_tokens = config.add_special_tokens

    def greedy_until(self, conversations):
        contexts = [self.tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
        return self.tokenizer(contexts, add_special_tokens=self.add_special_tokens)



class GuardedModel:
    # a value computed from the field (not a guard for None) is not the field's default
    def __init__(self, config: ModelConfig, chat: bool):
        self.tokenizer = AutoTokenizer.from_pretrained(config.model_name)
        self.add_special_tokens = config.add_special_tokens if chat else True

    def greedy_until(self, conversations):
        contexts = [self.tokenizer.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
        return self.tokenizer(contexts, add_special_tokens=self.add_special_tokens)


class KeptChosenModel:
    # the configuration kept whole: its field defaults to False
    def __init__(self, config: ChosenConfig):
        self.config = config
        self.tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")

    def encode(self, conversation):
        context = self.tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        return self.tokenizer(context, add_special_tokens=self.config.add_special_tokens)
