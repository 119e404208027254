from abc import ABC, abstractmethod

from transformers import AutoModelForCausalLM, AutoTokenizer


class ModelBackend(ABC):
    @abstractmethod
    def generate(self, prompt: str, max_new_tokens: int = 256) -> str: ...

    @abstractmethod
    def count(self, prompt: str) -> int: ...


class TransformersBackend(ModelBackend):
    def __init__(self, name):
        self.tokenizer = AutoTokenizer.from_pretrained(name)
        self.model = AutoModelForCausalLM.from_pretrained(name)

    def generate(self, prompt, max_new_tokens=256):
        inputs = self.tokenizer(prompt, return_tensors="pt")
        output = self.model.generate(**inputs, max_new_tokens=max_new_tokens)
        return self.tokenizer.decode(output[0, inputs["input_ids"].shape[1] :], skip_special_tokens=True)

    def count(self, prompt):
        return len(self.tokenizer(prompt, add_special_tokens=False)["input_ids"])
