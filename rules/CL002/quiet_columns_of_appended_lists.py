# Twins of flag_columns_of_appended_lists.py that stay quiet: the appended column holds plain text, and the rendered
# one is tokenized again with special tokens off.
from datasets import Dataset
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Meta-Llama-3-8B-Instruct")


def build_pairs(rows):
    data = {"prompt": [], "question": []}
    for row in rows:
        prompt = tokenizer.apply_chat_template(row["messages"], tokenize=False, add_generation_prompt=True)
        data["prompt"].append(prompt)
        data["question"].append(row["messages"][-1]["content"])
    return Dataset.from_dict(data)


def reference_lengths(dataset):
    lengths = []
    for i in range(len(dataset)):
        example = dataset[i]
        asked = tokenizer(example["question"], return_tensors="pt")["input_ids"]
        ids = tokenizer(example["prompt"], add_special_tokens=False, return_tensors="pt")["input_ids"]
        lengths.append((asked.shape[1], ids.shape[1]))
    return lengths


reference_lengths(build_pairs([]))
