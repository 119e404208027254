# The engine renders the conversation to ids and keeps them in the window: the first render is left to its default
# (a `BatchEncoding` under transformers 5), the second asks for a list of ids.
import torch

from .window import count_keys, fit_to_window


class Engine:
    def __init__(self, tokenizer, model, max_context=8192, max_new_tokens=512):
        self.tokenizer = tokenizer
        self.model = model
        self.max_context = max_context
        self.max_new_tokens = max_new_tokens

    def chat(self, messages):
        ids = self.tokenizer.apply_chat_template(messages, tokenize=True, add_generation_prompt=True)  # expect: CL005 "passed to `fit_to_window`"
        ids = fit_to_window(ids, self.max_context, self.max_new_tokens)
        return self.model.generate(torch.tensor([ids]), max_new_tokens=self.max_new_tokens)

    def chat_listed(self, messages):
        ids = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
        ids = fit_to_window(ids, self.max_context, self.max_new_tokens)
        return self.model.generate(torch.tensor([ids]), max_new_tokens=self.max_new_tokens)

    def keys(self, messages):
        encoding = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True)
        return count_keys(encoding), self.model(**encoding)
