# Pads with EOS too, but its collator masks padding by position (the attention mask): the EOS targets stay.
from transformers import AutoTokenizer, Trainer

from sftdata.collators import make_position_collator


def main(model_name, model, dataset, args):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    tokenizer.pad_token = tokenizer.eos_token
    collator = make_position_collator(tokenizer)
    trainer = Trainer(model=model, args=args, train_dataset=dataset, data_collator=collator)
    trainer.train()
