# The trainer's and the configuration's keywords in dicts the function builds (the text field set by key): the
# rendered split's `text` column is tokenized again with special tokens on.
from trl import SFTConfig, SFTTrainer

from prep import data


def train(config, model, tokenizer, train_data, valid_data):
    train_data, valid_data = data.prepare_if_chat(config, tokenizer, train_data, valid_data)
    training_args = dict(output_dir="out", packing=True)
    training_args["dataset_text_field"] = "text"
    trainer_args = dict(args=SFTConfig(**training_args), model=model)
    trainer = SFTTrainer(**trainer_args, train_dataset=train_data, processing_class=tokenizer)  # expect: CL002 "in column `text` of the dataset `prepare_if_chat` returns"
    trainer.train()

