# The configuration spreads one of two dicts, and both turn special tokens off for the text column (or the one that
# runs may): trl does not add a second BOS, or the code cannot tell that it does.
from datasets import Dataset
from trl import SFTConfig, SFTTrainer

PLAIN = {"dataset_kwargs": {"add_special_tokens": False}}


def train(model, tokenizer, pairs, quantized=False):
    rows = [
        {"text": tokenizer.apply_chat_template([{"role": "user", "content": q}, {"role": "assistant", "content": a}], tokenize=False)}
        for q, a in pairs
    ]
    extra = {"optim": "paged_adamw_8bit", "dataset_kwargs": {"add_special_tokens": False}}
    args = SFTConfig(output_dir="out", **(extra if quantized else {"dataset_kwargs": {"add_special_tokens": False}}))
    trainer = SFTTrainer(model=model, args=args, train_dataset=Dataset.from_list(rows), processing_class=tokenizer)
    trainer.train()


def train_maybe_plain(model, tokenizer, pairs, plain=False):
    rows = [{"text": tokenizer.apply_chat_template(chat, tokenize=False)} for chat in pairs]
    args = SFTConfig(output_dir="out", **({"dataset_kwargs": {"add_special_tokens": False}} if plain else {}))
    trainer = SFTTrainer(model=model, args=args, train_dataset=Dataset.from_list(rows), processing_class=tokenizer)
    trainer.train()
