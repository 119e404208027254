# A generator yields each prompt's ids in a tuple; the loop over it unpacks them and reads them as ids.
from typing import cast

import torch


class GreedyEvaluator:
    def __init__(self, model, tokenizer):
        self.model = model
        self.tokenizer = tokenizer

    def _prompts(self, rows):
        for row in rows:
            messages = [{"role": "user", "content": row["question"]}]
            ids = cast(list[int], self.tokenizer.apply_chat_template(messages, add_generation_prompt=True))  # expect: CL005 "yielded by `GreedyEvaluator._prompts` and unpacked as `ids`"
            yield row["id"], ids, row["answer"]

    def evaluate(self, rows):
        answers = {}
        for row_id, ids, _gold in self._prompts(rows):
            input_ids = torch.tensor([ids], dtype=torch.long)
            answers[row_id] = self.model.generate(input_ids, max_new_tokens=256)
        return answers


class BarredEvaluator(GreedyEvaluator):
    # the same loop behind a progress bar: `tqdm` hands back the generator's tuples
    def _questions(self, rows):
        for row in rows:
            messages = [{"role": "user", "content": row["question"]}]
            yield row["id"], self.tokenizer.apply_chat_template(messages, add_generation_prompt=True)  # expect: CL005 "unpacked as `prompt_ids` in `BarredEvaluator.evaluate`"

    def evaluate(self, rows):
        from tqdm import tqdm

        answers = {}
        for row_id, prompt_ids in tqdm(self._questions(rows), desc="eval"):
            answers[row_id] = self.model.generate(torch.tensor([prompt_ids]), max_new_tokens=256)
        return answers
