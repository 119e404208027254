# Pre-training with a template fetched by name: fetching it made padding the EOS token, and the collator masks every
# label equal to the pad id, so the EOS closing each document is never learned.
from transformers import AutoTokenizer, DataCollatorForLanguageModeling, Trainer

from prep.templates import get_template_and_fix_tokenizer


def pretrain(path, template_name, model, blocks, args):
    tokenizer = AutoTokenizer.from_pretrained(path)
    get_template_and_fix_tokenizer(tokenizer, template_name)
    collator = DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=False)  # expect: CL004 "is handed to `get_template_and_fix_tokenizer` (prep/templates.py:14)"
    Trainer(model=model, args=args, train_dataset=blocks, data_collator=collator).train()
