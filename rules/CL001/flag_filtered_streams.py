# Streaming datasets that skip the rows whose conversation does not end with the reply (`continue` after a test of
# the last turn, or of a predicate of the class), render the rest with the generation prompt in a generator method,
# and hand what it yields to the method that builds the labels.
import torch


class PackedChats(torch.utils.data.IterableDataset):
    def __init__(self, rows, tokenizer):
        self.rows = rows
        self.tokenizer = tokenizer

    @staticmethod
    def finished(conversation):
        return bool(conversation) and conversation[-1]["role"] == "assistant"

    def _texts(self):
        for row in self.rows:
            conversation = row["conversation"]
            if not self.finished(conversation):
                continue
            yield self.tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)  # expect: CL001 "whose result `PackedChats.__iter__` takes"

    def __iter__(self):
        for text in self._texts():
            ids = torch.tensor(self.tokenizer(text, add_special_tokens=False)["input_ids"])
            yield {"input_ids": ids, "labels": ids.clone()}


def _encode(tokenizer, dialogue):
    if dialogue[-1]["role"] != "assistant":
        return None
    return tokenizer.apply_chat_template(dialogue, tokenize=True, add_generation_prompt=True, return_dict=False)  # expect: CL001 "(checked)"


def collate(tokenizer, rows):
    batch = [_encode(tokenizer, row["dialogue"]) for row in rows]
    return {"input_ids": batch, "labels": [list(ids) for ids in batch]}
