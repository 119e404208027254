# The twins of flag_hooks_left_to_subclasses.py: the base tokenizes what its subclasses format without special
# tokens; another base's only subclass formats plain text (nothing rendered); a third one's subclass renders ids
# (`tokenize=True`), which the base hands to the model as they are.
from abc import ABC, abstractmethod


class VerbatimBase(ABC):
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    @abstractmethod
    def format_inputs(self, packet) -> str: ...

    def encode(self, packet):
        return self.tokenizer(self.format_inputs(packet), add_special_tokens=False, return_tensors="pt")


class ChatVerbatim(VerbatimBase):
    def format_inputs(self, packet) -> str:
        return self.tokenizer.apply_chat_template(packet["messages"], tokenize=False, add_generation_prompt=True)


class PlainBase(ABC):
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    @abstractmethod
    def document(self, packet) -> str:
        raise NotImplementedError

    def encode(self, packet):
        return self.tokenizer(self.document(packet), return_tensors="pt")


class Paragraphs(PlainBase):
    def document(self, packet) -> str:
        return "\n\n".join(packet["paragraphs"])


class IdsBase(ABC):
    def __init__(self, tokenizer, model):
        self.tokenizer = tokenizer
        self.model = model

    @abstractmethod
    def input_ids(self, packet): ...

    def respond(self, packet):
        return self.model.generate(self.input_ids(packet))


class ChatIds(IdsBase):
    def input_ids(self, packet):
        return self.tokenizer.apply_chat_template(packet["messages"], add_generation_prompt=True, return_tensors="pt")
