# The twins: a formatter that gives the tokenizer a pad token of its own, and a template fetched only to generate.
from transformers import AutoTokenizer, DataCollatorForLanguageModeling, Trainer

from prep.templates import get_formatter, get_template_and_fix_tokenizer


def pretrain(path, model, blocks, args):
    tokenizer = AutoTokenizer.from_pretrained(path)
    get_formatter(tokenizer, "plain")
    collator = DataCollatorForLanguageModeling(tokenizer=tokenizer, mlm=False)
    Trainer(model=model, args=args, train_dataset=blocks, data_collator=collator).train()


def sample(path, model, prompts):
    tokenizer = AutoTokenizer.from_pretrained(path, padding_side="left")
    get_template_and_fix_tokenizer(tokenizer, "llama3")
    batch = tokenizer(prompts, return_tensors="pt", padding=True)
    return model.generate(**batch, pad_token_id=tokenizer.pad_token_id)
