# A render tokenized, decoded back to text with its special tokens kept, and tokenized again with special tokens on:
# the decoded text starts with the template's BOS.
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def prompt_inputs(messages):
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
    prompt = tokenizer.decode(ids)
    return tokenizer(prompt, return_tensors="pt")  # expect: CL002 "decoded by `tokenizer.decode(ids)`"


def encoded_prompt(messages):
    encoded = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=True)
    return tokenizer.encode(tokenizer.decode(encoded["input_ids"], skip_special_tokens=False))  # expect: CL002 "decoded by"


class PromptDriver:
    # the ids come from a helper of the class that returns its render's ids; the decoded text goes to a TGI server
    def __init__(self, client):
        self.client = client

    def _to_tokens(self, messages) -> list[int]:
        return tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)

    def to_string(self, messages) -> str:
        return tokenizer.decode(self._to_tokens(messages))

    def run(self, messages):
        prompt = self.to_string(messages)
        return tokenizer(prompt)["input_ids"]  # expect: CL002 "decoded by `tokenizer.decode(self._to_tokens(messages))`, returned by `PromptDriver.to_string`"
