# trl 0.13's SFTTrainer without a data_collator pads with DataCollatorForLanguageModeling: the same loss of EOS.
from trl import SFTTrainer

from trainer.utils import get_tokenizer


def train(config, model, dataset):
    tokenizer = get_tokenizer(config)
    trainer = SFTTrainer(model=model, train_dataset=dataset, processing_class=tokenizer)  # expect: CL004 "`get_tokenizer` (trainer/utils.py:9)"
    trainer.train()
