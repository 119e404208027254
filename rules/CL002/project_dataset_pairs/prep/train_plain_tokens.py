# Quiet: the configuration's dict turns special tokens off with `dataset_kwargs` (set by key).
from trl import SFTConfig, SFTTrainer

from prep import data


def train(config, model, tokenizer, train_data, valid_data):
    train_data, valid_data = data.prepare_if_chat(config, tokenizer, train_data, valid_data)
    training_args = dict(output_dir="out", dataset_text_field="text")
    training_args["dataset_kwargs"] = {"add_special_tokens": False}
    trainer = SFTTrainer(args=SFTConfig(**training_args), model=model, train_dataset=train_data, processing_class=tokenizer)
    trainer.train()
