# The twins of flag_dataloader_batches: the collate function tokenizes the renders itself without special tokens (the
# batch holds ids, not texts), and a dataset whose items hold the plain question.
import torch.utils.data as torch_data
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


class PromptDataset(torch_data.Dataset):
    def __init__(self, rows):
        self.rows = rows

    def __getitem__(self, index):
        row = self.rows[index]
        prompt = tokenizer.apply_chat_template([{"role": "user", "content": row["question"]}], tokenize=False, add_generation_prompt=True)
        return {"id": row["id"], "prompt": prompt}

    def __len__(self):
        return len(self.rows)


class QuestionDataset(torch_data.Dataset):
    def __init__(self, rows):
        self.rows = rows

    def __getitem__(self, index):
        return {"prompt": self.rows[index]["question"]}

    def __len__(self):
        return len(self.rows)


def encode(items):
    return tokenizer([x["prompt"] for x in items], padding=True, add_special_tokens=False, return_tensors="pt")


def run(rows, model):
    for batch in torch_data.DataLoader(PromptDataset(rows), batch_size=8, collate_fn=encode):
        yield model.generate(**batch, max_new_tokens=64)


def run_questions(rows):
    for batch in torch_data.DataLoader(QuestionDataset(rows), batch_size=8):
        yield tokenizer(batch["prompt"], padding=True, return_tensors="pt")
