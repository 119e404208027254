# A preference set built as a dict of lists (`data["prompt"].append(...)`, then `Dataset.from_dict(data)`), its rows
# read back one by one by position (`example = dataset[i]`) and the rendered prompt tokenized again with special
# tokens on: a second BOS in every reference log-probability.
from datasets import Dataset
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Meta-Llama-3-8B-Instruct")


def build_pairs(rows):
    data = {"prompt": [], "chosen": [], "rejected": []}
    for row in rows:
        prompt = tokenizer.apply_chat_template(row["messages"], tokenize=False, add_generation_prompt=True)
        data["prompt"].append(prompt)
        data["chosen"].append(row["chosen"])
        data["rejected"].append(row["rejected"])
    return Dataset.from_dict(data)


def reference_lengths(dataset):
    lengths = []
    for i in range(len(dataset)):
        example = dataset[i]
        ids = tokenizer(example["prompt"] + example["chosen"], return_tensors="pt")["input_ids"]  # expect: CL002 "stored in column `prompt` by `Dataset.from_dict(data)`"
        lengths.append(ids.shape[1])
    return lengths


reference_lengths(build_pairs([]))
