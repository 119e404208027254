# The rendered split goes to SFTTrainer, which tokenizes its `text` column again with special tokens.
from trl import SFTConfig, SFTTrainer

from prep import data


def train(model, tokenizer, train_data, valid_data):
    train_data, valid_data = data.prepare_splits(train_data, valid_data, tokenizer)
    args = SFTConfig(output_dir="out", dataset_text_field="text", packing=True)
    trainer = SFTTrainer(model=model, args=args, train_dataset=train_data, processing_class=tokenizer)  # expect: CL002 "in column `text` of the dataset `prepare_splits` returns"
    trainer.train()
