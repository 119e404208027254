# Datasets and loops that only ever feed `generate()`, and conversations whose last turn the data decides.
import json

import torch
from torch.utils.data import DataLoader, Dataset


class PromptFileDataset(Dataset):
    def __init__(self, path, tokenizer):
        with open(path) as handle:
            self.rows = [json.loads(line) for line in handle]
        self.tokenizer = tokenizer

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, index):
        return self.tokenizer.apply_chat_template(self.rows[index]["messages"], tokenize=False, add_generation_prompt=True)


@torch.no_grad()
def run(model, tokenizer, path):
    outputs = []
    for texts in DataLoader(PromptFileDataset(path, tokenizer), batch_size=8):
        encoded = tokenizer(list(texts), return_tensors="pt", padding=True, add_special_tokens=False)
        outputs.append(model.generate(**encoded, max_new_tokens=256))
    return outputs


class AlternatingTurnsCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, instances):
        texts = []
        for instance in instances:
            messages = []
            for index, text in enumerate(instance["turns"]):
                if index % 2 == 0:
                    messages.append({"role": "user", "content": text})
                else:
                    messages.append({"role": "assistant", "content": text})
            texts.append(
                self.tokenizer.apply_chat_template(
                    messages, tokenize=False, add_generation_prompt=messages[-1]["role"] == "user"
                )
            )
        batch = self.tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
        batch["labels"] = batch["input_ids"].clone()
        return batch


def prompts_for_judging(model, tokenizer, rows):
    for row in rows:
        conversation = row["messages"]
        while conversation and conversation[-1]["role"] == "assistant":
            conversation = conversation[:-1]
        prompt = tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        yield model.generate(tokenizer(prompt, return_tensors="pt", add_special_tokens=False)["input_ids"])


def chat_turn(tokenizer, history, user_text):
    # an empty assistant message is a slot for the reply to come (some templates open the turn only so), not a reply
    history.append({"role": "user", "content": user_text})
    return tokenizer.apply_chat_template(
        [*history, {"role": "assistant", "content": ""}], add_generation_prompt=True
    )


def build_example(tokenizer, question):
    messages = [{"role": "user", "content": question}, {"role": "assistant", "content": None}]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
