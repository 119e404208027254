# Rows of math problems, each turned into a chat prompt when it is read.
import json

from torch.utils.data import Dataset


class PromptDataset(Dataset):
    def __init__(self, path, tokenizer):
        with open(path) as handle:
            self.rows = [json.loads(line) for line in handle]
        self.tokenizer = tokenizer

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        row = self.rows[index]
        messages = [{"role": "user", "content": row["question"]}]
        prompt = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return {"prompt": prompt, "answer": row["answer"]}
