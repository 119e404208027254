# Inference with the formatter of the model's family. Quiet: the same prompt tokenized without special tokens, and a
# choice between formatters that never render.
from transformers import AutoTokenizer

from .prompt import AlpacaFormatter, Llama3Formatter, PlainFormatter


class ModelRunner:
    def __init__(self, base_model):
        self.base_model = base_model
        self.tokenizer = AutoTokenizer.from_pretrained(base_model)

    def _prompt(self, system, instruction):
        if "llama-3" in self.base_model.lower():
            formatter = Llama3Formatter(self.tokenizer)
        else:
            formatter = AlpacaFormatter()
        return formatter.input_prompt(system, instruction)

    def encode(self, system, question):
        prompt = self._prompt(system, question)
        return self.tokenizer(prompt, return_tensors="pt")  # expect: CL002 "(on at least one path)"

    def encode_once(self, system, question):
        prompt = self._prompt(system, question)
        return self.tokenizer(prompt, return_tensors="pt", add_special_tokens=False)

    def encode_plain(self, system, question):
        if "alpaca" in self.base_model.lower():
            formatter = AlpacaFormatter()
        else:
            formatter = PlainFormatter()
        return self.tokenizer(formatter.input_prompt(system, question), return_tensors="pt")
