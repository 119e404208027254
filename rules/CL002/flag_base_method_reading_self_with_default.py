# A base class's method renders with the tokenizer it reads off `self` with a default (`getattr(self, "tokenizer",
# None)`); a subclass that sets `self.tokenizer` gets the rendered text, BOS included, and tokenizes it again.
from abc import ABC

from transformers import AutoModelForCausalLM, AutoTokenizer


class Backend(ABC):
    def messages_to_prompt(self, messages):
        tokenizer = getattr(self, "tokenizer", None)
        if tokenizer is not None:
            return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return "\n".join(f"{m['role']}: {m['content']}" for m in messages) + "\nassistant:"


class TransformersBackend(Backend):
    def __init__(self, model_id):
        self.tokenizer = AutoTokenizer.from_pretrained(model_id)
        self.model = AutoModelForCausalLM.from_pretrained(model_id)

    def generate(self, messages):
        prompt = self.messages_to_prompt(messages)
        inputs = self.tokenizer(prompt, return_tensors="pt")  # expect: CL002 "`self.messages_to_prompt(..., tokenize=False)`"
        return self.model.generate(**inputs, max_new_tokens=128)
