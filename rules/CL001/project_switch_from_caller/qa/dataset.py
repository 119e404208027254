# The caller decides the reply with a value it computes from another setting: `answer` is the reference answer when
# `with_answer` is on (training), else None (a prompt for sampling). Rendered with the generation prompt either way,
# every training example ends with an empty assistant header that is trained on.
from .turns import question_turns


class QADataset:
    def __init__(self, rows, tokenizer, with_answer=True):
        self.rows = rows
        self.tokenizer = tokenizer
        self.with_answer = with_answer

    def __getitem__(self, index):
        row = self.rows[index]
        answer = row["answer"] if self.with_answer else None
        turns = question_turns(row["question"], answer)
        ids = self.tokenizer.apply_chat_template(turns, add_generation_prompt=True, return_dict=False)  # expect: CL001 "(when `answer` is not None)"
        return {"input_ids": ids, "labels": list(ids)}


class SwitchedQADataset(QADataset):
    # the flag follows the same setting: the header only for prompts
    def __getitem__(self, index):
        row = self.rows[index]
        answer = row["answer"] if self.with_answer else None
        turns = question_turns(row["question"], answer)
        ids = self.tokenizer.apply_chat_template(
            turns, add_generation_prompt=not self.with_answer, return_dict=False
        )
        return {"input_ids": ids, "labels": list(ids)}
