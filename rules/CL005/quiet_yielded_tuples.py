# The twins: the loop reads the yielded encoding by key, and another generator yields the ids as a list.
import torch


class GreedyEvaluator:
    def __init__(self, model, tokenizer):
        self.model = model
        self.tokenizer = tokenizer

    def _encodings(self, rows):
        for row in rows:
            messages = [{"role": "user", "content": row["question"]}]
            yield row["id"], self.tokenizer.apply_chat_template(messages, add_generation_prompt=True)

    def _prompt_ids(self, rows):
        for row in rows:
            messages = [{"role": "user", "content": row["question"]}]
            yield row["id"], self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)

    def evaluate(self, rows):
        answers = {}
        for row_id, encoding in self._encodings(rows):
            input_ids = torch.tensor([encoding["input_ids"]], dtype=torch.long)
            answers[row_id] = self.model.generate(input_ids, max_new_tokens=256)
        for row_id, ids in self._prompt_ids(rows):
            answers[row_id] = self.model.generate(torch.tensor([ids]), max_new_tokens=256)
        return answers
