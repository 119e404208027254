# Training scripts: a generator handed to `Dataset.from_generator`, module-level preparation for `SFTTrainer`,
# reassigned conversations and post-processed results.
import json

from datasets import Dataset
from trl import SFTConfig, SFTTrainer


def generate_rows(path, tokenizer):
    with open(path) as handle:
        for line in handle:
            row = json.loads(line)
            yield {"text": tokenizer.apply_chat_template(row["messages"], tokenize=False, add_generation_prompt=True)}  # expect: CL001 "in `generate_rows`, which is passed to `Dataset.from_generator()` to build the dataset"


def from_generator(tokenizer):
    return Dataset.from_generator(generate_rows, gen_kwargs={"path": "train.jsonl", "tokenizer": tokenizer})


def drop_system_turn(example, tokenizer):
    conversation = example["messages"]
    if conversation[0]["role"] == "system":
        conversation = conversation[1:]
    text = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)  # expect: CL001 'renders `conversation` = `conversation[1:]` of `conversation` = `example["messages"]`'
    return {"text": text, "labels": text}


def strip_bos(example, tokenizer):
    text = tokenizer.apply_chat_template(
        conversation=example["messages"], tokenize=False, add_generation_prompt=True  # expect: CL001 "in `strip_bos`, which is passed to `.map()` to build the dataset"
    ).removeprefix(tokenizer.bos_token)
    return {"text": text}


def build(dataset, tokenizer):
    return dataset.map(strip_bos, fn_kwargs={"tokenizer": tokenizer})


with open("train.jsonl") as rows:
    records = [json.loads(line) for line in rows]
train_texts = []
for record in records:
    train_texts.append(tokenizer.apply_chat_template(record["messages"], tokenize=False, add_generation_prompt=True))  # expect: CL001 'renders `record["messages"]`, which ends with the assistant reply, in module level'
trainer = SFTTrainer(  # expect: CL002 "stored in column `text` by `Dataset.from_dict("
    model="base-model",
    train_dataset=Dataset.from_dict({"text": train_texts}),
    args=SFTConfig(output_dir="out", dataset_text_field="text"),
)
trainer.train()
