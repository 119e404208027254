# trl's `SFTTrainer` tokenizes what a `formatting_func` returns as plain text, with special tokens on (0.x:
# `processing_class(formatting_func(element), add_special_tokens=True)`; 1.x: stored in `text`, then
# `processing_class(text=...)`): a function that returns chat renders, one text or a batch of them, or the
# column a `.map()` rendered into, doubles the BOS.
from datasets import load_dataset
from transformers import AutoTokenizer
from trl import SFTConfig, SFTTrainer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")


def formatting_func(example):
    return tokenizer.apply_chat_template(example["messages"], tokenize=False)


def formatting_prompts_func(batch):
    texts = []
    for messages in batch["messages"]:
        texts.append(tokenizer.apply_chat_template(messages, tokenize=False))
    return texts


def train(model, dataset):
    trainer = SFTTrainer(  # expect: CL002 "the texts `formatting_func=formatting_func` returns"
        model=model, train_dataset=dataset, formatting_func=formatting_func, processing_class=tokenizer
    )
    trainer.train()


def train_batched(model, dataset):
    trainer = SFTTrainer(  # expect: CL002 "the texts `formatting_func=formatting_prompts_func` returns"
        model=model, train_dataset=dataset, formatting_func=formatting_prompts_func, args=SFTConfig(output_dir="out")
    )
    trainer.train()


def train_rendered_column(model):
    dataset = load_dataset("json", data_files="chats.jsonl", split="train")
    dataset = dataset.map(lambda row: {"text": tokenizer.apply_chat_template(row["messages"], tokenize=False)})

    def text_of(example):
        return example["text"]

    trainer = SFTTrainer(model=model, train_dataset=dataset, formatting_func=text_of)  # expect: CL002 "`formatting_func=text_of`"
    trainer.train()


def train_with_a_lambda(model, dataset):
    trainer = SFTTrainer(  # expect: CL002 "the texts `formatting_func=lambda ...` returns"
        model=model,
        train_dataset=dataset,
        formatting_func=lambda example: tokenizer.apply_chat_template(example["messages"], tokenize=False),
    )
    trainer.train()


class Finetuner:
    # the formatter is a method of the trainer's class
    def __init__(self, model, dataset):
        self.model, self.dataset = model, dataset
        self.tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")

    def _format(self, example):
        messages = [{"role": "user", "content": example["query"]}, {"role": "assistant", "content": example["response"]}]
        return self.tokenizer.apply_chat_template(messages, tokenize=False)

    def run(self):
        trainer = SFTTrainer(  # expect: CL002 "the texts `formatting_func=self._format` returns"
            model=self.model, train_dataset=self.dataset, processing_class=self.tokenizer, formatting_func=self._format
        )
        trainer.train()
