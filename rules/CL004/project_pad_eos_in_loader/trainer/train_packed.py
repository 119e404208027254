# Pre-training on packed blocks: the loader, re-exported by the package, fixes the tokenizer (padding becomes the
# EOS token), and the collator masks every label equal to the pad id: the EOS between documents is never learned.
from transformers import DataCollatorForLanguageModeling, Trainer

from . import build_tokenizer


def pretrain(config, model, blocks):
    tokenizer = build_tokenizer(config)
    collator = DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=False)  # expect: CL004 "comes from `build_tokenizer` (trainer/utils.py:9)"
    Trainer(model=model, train_dataset=blocks, data_collator=collator).train()
