# The base class of the agents: it leaves the formatting of a request to its subclasses (`format_inputs`, abstract)
# and tokenizes what they give with special tokens on (`respond`), or without them (`respond_verbatim`). A subclass
# in another module that formats by rendering a chat template as text gets a second BOS through `respond`.
from abc import ABC, abstractmethod


class ChatAgent(ABC):
    def __init__(self, tokenizer, model):
        self.tokenizer = tokenizer
        self.model = model

    @abstractmethod
    def format_inputs(self, request) -> str:
        """The model's input for a request: chat-templated, instruction-wrapped, ..."""

    def _encode(self, text):
        return self.tokenizer(text, return_tensors="pt")

    def respond(self, request):
        text = self.format_inputs(request)
        encoded = self._encode(text)  # expect: CL002 "returned by `SessionAgent.format_inputs`"
        return self.model.generate(**encoded)

    def respond_verbatim(self, request):
        encoded = self.tokenizer(self.format_inputs(request), add_special_tokens=False, return_tensors="pt")
        return self.model.generate(**encoded)


class Summarizer(ABC):
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    @abstractmethod
    def document(self, request) -> str: ...

    def length(self, request):
        return len(self.tokenizer(self.document(request))["input_ids"])
