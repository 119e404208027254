# The twins of flag_sft_formatting_func.py left alone: a `formatting_func` that writes plain text without a chat
# template, one that takes the BOS off its render, and a trainer given the conversations to render itself.
from transformers import AutoTokenizer
from trl import SFTTrainer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def plain(example):
    return f"### Question: {example['question']}\n### Answer: {example['answer']}"


def without_bos(example):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return text.removeprefix(tokenizer.bos_token)


def train(model, dataset, conversations):
    SFTTrainer(model=model, train_dataset=dataset, formatting_func=plain).train()
    SFTTrainer(model=model, train_dataset=dataset, formatting_func=without_bos).train()
    SFTTrainer(model=model, train_dataset=conversations, processing_class=tokenizer).train()


class Finetuner:
    # a method formatter that takes the BOS off, and one that writes plain text
    def __init__(self, model, dataset):
        self.model, self.dataset = model, dataset

    def _format(self, example):
        return tokenizer.apply_chat_template(example["messages"], tokenize=False).removeprefix(tokenizer.bos_token)

    def _plain(self, example):
        return f"### Question: {example['question']}\n### Answer: {example['answer']}"

    def run(self):
        SFTTrainer(model=self.model, train_dataset=self.dataset, formatting_func=self._format).train()
        SFTTrainer(model=self.model, train_dataset=self.dataset, formatting_func=self._plain).train()
