# A dataset class whose items hold a rendered prompt, walked in batches by a `DataLoader` (torch's default collation,
# or a `collate_fn` that gathers the column): each batch's `prompt` is a list of renders, tokenized again with special
# tokens on by a text-generation pipeline or the tokenizer.
import torch.utils.data as torch_data
from tqdm import tqdm
from transformers import AutoTokenizer, pipeline

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
generator = pipeline("text-generation", model="meta-llama/Llama-3.1-8B-Instruct", tokenizer=tokenizer)


class PromptDataset(torch_data.Dataset):
    def __init__(self, rows):
        self.rows = rows

    def __getitem__(self, index):
        row = self.rows[index]
        prompt = tokenizer.apply_chat_template([{"role": "user", "content": row["question"]}], tokenize=False, add_generation_prompt=True)
        return {"id": row["id"], "prompt": prompt}

    def __len__(self):
        return len(self.rows)


def collate(items):
    return {"id": [x["id"] for x in items], "prompt": [x["prompt"] for x in items]}


def run(rows):
    loader = torch_data.DataLoader(PromptDataset(rows), batch_size=8, collate_fn=collate)
    outputs = []
    for i, batch in tqdm(enumerate(loader)):
        outputs += generator(batch["prompt"], max_new_tokens=64)  # expect: CL002 "in the batches of `torch_data.DataLoader(PromptDataset(rows)"
    return outputs


def run_default(rows):
    for batch in torch_data.DataLoader(PromptDataset(rows), batch_size=8):
        yield tokenizer(batch["prompt"], padding=True, return_tensors="pt")  # expect: CL002 "over `PromptDataset`"
