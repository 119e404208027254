import torch

from .rendering import RenderMixin


class PackedChats(RenderMixin, torch.utils.data.IterableDataset):
    def __init__(self, rows, tokenizer, block=2048):
        self.rows = rows
        self.tokenizer = tokenizer
        self.block = block

    def _streams(self):
        for row in self.rows:
            messages = row["conversation"]
            if not self.has_reply(messages):
                continue
            yield self.encode(self.render(messages))  # expect: CL001 "checked by `RenderMixin.has_reply` (packsft/rendering.py:9)"

    def __iter__(self):
        buffer = []
        for ids in self._streams():
            buffer.extend(ids)
            while len(buffer) >= self.block:
                chunk = torch.tensor(buffer[: self.block])
                buffer = buffer[self.block :]
                yield {"input_ids": chunk, "labels": chunk.clone()}


class PromptedChats(RenderMixin, torch.utils.data.IterableDataset):
    def __init__(self, rows, tokenizer):
        self.rows = rows
        self.tokenizer = tokenizer

    def _streams(self):
        for row in self.rows:
            messages = row["conversation"]
            if not self.needs_reply(messages):
                continue
            yield self.encode(self.render(messages))

    def __iter__(self):
        for ids in self._streams():
            yield {"input_ids": torch.tensor(ids), "labels": torch.tensor(ids)}
