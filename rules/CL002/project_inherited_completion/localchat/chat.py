# The chat model inherits `complete()`: a conversation rendered to text (its BOS written by the template) and
# completed with the special tokens left on gets a second BOS; the twin turns them off.
from functools import partial

from localchat.completion import CompletionModel


class ChatModel(CompletionModel):
    def __init__(self, model_id):
        super().__init__(model_id)
        self._render = partial(self.tokenizer.apply_chat_template, tokenize=False, add_generation_prompt=True)

    def chat(self, messages, **kwargs):
        prompt = self._render(messages)
        return self.complete(prompt, **kwargs)  # expect: CL002 "through the helper `CompletionModel.complete`"


class RenderedChatModel(CompletionModel):
    def chat(self, messages):
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.complete(prompt, add_special_tokens=False)
