# Pads with EOS too, but its collator (of the same module) masks padding by position: the EOS targets stay.
from transformers import AutoTokenizer, Trainer

import collate


def main(model_name, model, dataset, args):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    tokenizer.pad_token = tokenizer.eos_token
    trainer = Trainer(model=model, args=args, train_dataset=dataset, data_collator=collate.PositionCollator(tokenizer))
    trainer.train()
