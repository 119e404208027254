# A dataset built from the rows a helper fills (`entry` on each branch, appended), its text column tokenized again.
from datasets import Dataset


def prepare_prompts(data, tokenizer):
    prepared = []
    for row in data:
        if "messages" in row:
            prompt_text = tokenizer.apply_chat_template(row["messages"], tokenize=False, add_generation_prompt=True)
            entry = {"prompt_text": prompt_text, "answer": row.get("answer")}
        else:
            entry = {"prompt_text": row["prompt"], "answer": row.get("answer")}
        prepared.append(entry)
    return prepared


class PolicyTrainer:
    def __init__(self, tokenizer, max_length=1024):
        self.tokenizer = tokenizer
        self.max_length = max_length

    def build_dataset(self, raw):
        train_ds = Dataset.from_list(prepare_prompts(raw, self.tokenizer))

        def tokenize(examples):
            return self.tokenizer(examples["prompt_text"], truncation=True, max_length=self.max_length)  # expect: CL002 "in the rows `prepare_prompts` returns, stored in column `prompt_text`"

        return train_ds.map(tokenize, batched=True)
