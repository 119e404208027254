# Trains with the loader's tokenizer and a collator that masks every label equal to the pad id: the EOS targets go.
from transformers import DataCollatorForLanguageModeling, Trainer

from trainer import utils


def train(config, model, dataset):
    tokenizer = utils.get_tokenizer(config)
    collator = DataCollatorForLanguageModeling(tokenizer, mlm=False)  # expect: CL004 "comes from `utils.get_tokenizer` (trainer/utils.py:9)"
    Trainer(model=model, train_dataset=dataset, data_collator=collator).train()
