# The twins: the collator is built with its switch off (by default, or passed False); a prompt builder for sampling
# is built with the switch on, for prompts that end with the user's turn.
from transformers import Trainer


class ChatCollator:
    def __init__(self, tokenizer, add_header=False):
        self.tokenizer = tokenizer
        self.add_header = add_header

    def __call__(self, rows):
        ids = [self.tokenizer.apply_chat_template(row["messages"], add_generation_prompt=self.add_header, return_dict=False) for row in rows]
        return {"input_ids": ids, "labels": [list(row) for row in ids]}


class PromptBuilder:
    def __init__(self, tokenizer, add_header=False):
        self.tokenizer = tokenizer
        self.add_header = add_header

    def build(self, question):
        messages = [{"role": "user", "content": question}]
        return self.tokenizer.apply_chat_template(messages, add_generation_prompt=self.add_header, tokenize=False)


def train(model, tokenizer, dataset, args):
    Trainer(model=model, args=args, train_dataset=dataset, data_collator=ChatCollator(tokenizer)).train()
    Trainer(model=model, args=args, train_dataset=dataset, data_collator=ChatCollator(tokenizer, False)).train()


def sample(model, tokenizer, questions):
    builder = PromptBuilder(tokenizer, add_header=True)
    return [model.generate(**tokenizer(builder.build(q), return_tensors="pt", add_special_tokens=False)) for q in questions]
