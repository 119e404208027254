# Examples of (ids, offset): the training loop masks the first `offset` tokens. The first measures the prompt
# without the generation prompt (the assistant header is trained), the second with it.
import json

from .templates import ChatRenderer


class ChatDataset:
    def __init__(self, path: str, renderer: ChatRenderer, mask_prompt: bool = True):
        with open(path, encoding="utf-8") as handle:
            self.records = [json.loads(line) for line in handle if line.strip()]
        self.renderer = renderer
        self.mask_prompt = mask_prompt

    def __len__(self):
        return len(self.records)

    def __getitem__(self, index):
        messages = self.records[index]["messages"]
        tokens = self.renderer.encode(messages)
        offset = 0
        if self.mask_prompt:
            offset = len(self.renderer.encode(messages[:-1]))  # expect: CL003 "through the wrapper `ChatRenderer.encode`"
        return tokens, offset


class PromptedChatDataset(ChatDataset):
    def __getitem__(self, index):
        messages = self.records[index]["messages"]
        tokens = self.renderer.encode(messages)
        offset = len(self.renderer.encode(messages[:-1], add_generation_prompt=True))
        return tokens, offset
