# Dataset classes and functions handed to `datasets.map` that render full conversations with the header.
from torch.utils.data import Dataset


class SFTDataset(Dataset):
    def __init__(self, rows, tokenizer):
        self.rows = rows
        self.tokenizer = tokenizer

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        ids = self.tokenizer.apply_chat_template(
            self.rows[index]["messages"],
            add_generation_prompt=True,  # expect: CL001 "in `SFTDataset.__getitem__`, which builds a dict with `'labels'`"
            return_dict=False,
        )
        return {"input_ids": ids, "labels": list(ids)}


class PretokenizedDataset(Dataset):
    def __init__(self, rows, tokenizer):
        self.texts = [
            tokenizer.apply_chat_template(row["messages"], tokenize=False, add_generation_prompt=True)  # expect: CL001 "which ends with the assistant reply, in the dataset method `PretokenizedDataset.__init__`"
            for row in rows
        ]

    def __getitem__(self, index):
        return self.texts[index]


def tokenize_example(example, tokenizer):
    ids = tokenizer.apply_chat_template(example["messages"], add_generation_prompt=True, return_dict=False)  # expect: CL001 "in `tokenize_example`, which is passed to `.map()` to build the dataset"
    return {"input_ids": ids}


def build(dataset, tokenizer):
    return dataset.map(tokenize_example, fn_kwargs={"tokenizer": tokenizer})


def format_batch(batch, tokenizer):
    return {
        "text": [
            tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)  # expect: CL001 'renders `messages`, each of `batch["messages"]`, which ends with the assistant reply'
            for messages in batch["messages"]
        ]
    }


def prepare(dataset, tokenizer):
    return dataset.map(format_batch, batched=True, fn_kwargs={"tokenizer": tokenizer})


def with_system_text(example, tokenizer, system):
    # the same render kept under a local name, stored as the row's training text
    messages = [{"role": "system", "content": system}, *example["messages"]]
    formatted = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)  # expect: CL001 "every example ends with an empty assistant header"
    return {"text": formatted, "messages": messages}


def prepare_sft_with_system(dataset, tokenizer, system):
    return dataset.map(with_system_text, fn_kwargs={"tokenizer": tokenizer, "system": system})


class LengthMaskedFormatter:
    # the data's whole conversation, kept as the example's ids (its length only fills the attention mask)
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, example):
        input_ids = self.tokenizer.apply_chat_template(
            example["messages"], tokenize=True, return_dict=False, add_generation_prompt=True  # expect: CL001 "which builds a dict with"
        )
        return {"input_ids": input_ids, "attention_mask": [1] * len(input_ids), "labels": list(input_ids)}
