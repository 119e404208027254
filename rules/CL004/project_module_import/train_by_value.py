# Pads with EOS and trains with the collator that masks labels equal to the pad id: every EOS target is masked.
from transformers import AutoTokenizer, Trainer

import collate


def main(model_name, model, dataset, args):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "`ValueCollator` (collate.py:11)"
    trainer = Trainer(model=model, args=args, train_dataset=dataset, data_collator=collate.ValueCollator(tokenizer))
    trainer.train()
