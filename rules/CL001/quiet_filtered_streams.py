# The twins: a predicate that keeps the rows ending with the user's turn (prompts), and a generator whose consumer
# generates (inference, no labels).
import torch


class PromptStream(torch.utils.data.IterableDataset):
    def __init__(self, rows, tokenizer, model):
        self.rows = rows
        self.tokenizer = tokenizer
        self.model = model

    @staticmethod
    def awaiting_reply(conversation):
        return bool(conversation) and conversation[-1]["role"] == "user"

    def _texts(self):
        for row in self.rows:
            conversation = row["conversation"]
            if not self.awaiting_reply(conversation):
                continue
            yield self.tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)

    def __iter__(self):
        for text in self._texts():
            ids = torch.tensor(self.tokenizer(text, add_special_tokens=False)["input_ids"])
            yield {"input_ids": ids, "labels": ids.clone()}


class Sampler:
    def __init__(self, rows, tokenizer, model):
        self.rows = rows
        self.tokenizer = tokenizer
        self.model = model

    def _texts(self):
        for row in self.rows:
            yield self.tokenizer.apply_chat_template(row["conversation"], tokenize=False, add_generation_prompt=True)

    def sample(self):
        outputs = []
        for text in self._texts():
            inputs = self.tokenizer(text, add_special_tokens=False, return_tensors="pt")
            outputs.append(self.model.generate(**inputs))
        return outputs
