# A base class leaves the formatting of a request to its subclasses (`format_inputs`, abstract) and tokenizes what it
# gets with special tokens; a subclass formats by rendering the chat template as text, which already starts with the
# template's BOS: a second one through the base's `respond` (and its helper `_encode`).
from abc import ABC, abstractmethod


class InferenceBase(ABC):
    def __init__(self, tokenizer, model):
        self.tokenizer = tokenizer
        self.model = model

    @abstractmethod
    def format_inputs(self, packet) -> str:
        """Model-specific formatting of a packet."""

    def _encode(self, formatted):
        return self.tokenizer(formatted, return_tensors="pt")

    def respond(self, packet):
        inputs = self.format_inputs(packet)
        encoded = self._encode(inputs)  # expect: CL002 "returned by `ConversationalInference.format_inputs`"
        return self.model.generate(**encoded)

    def prompt_length(self, packet):
        return len(self.tokenizer.encode(self.format_inputs(packet)))  # expect: CL002 "returned by `ConversationalInference.format_inputs`"


class CompletionInference(InferenceBase):
    def format_inputs(self, packet) -> str:
        return packet["text"]


class ConversationalInference(InferenceBase):
    def format_inputs(self, packet) -> str:
        messages = [*packet["history"], {"role": "user", "content": packet["query"]}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
