# The twins: a loader with a pad token of its own, and the generation loader used only to generate.
from transformers import DataCollatorForLanguageModeling, Trainer

from trainer.utils import get_generation_tokenizer, get_padded_tokenizer


def train(config, model, dataset):
    tokenizer = get_padded_tokenizer(config)
    collator = DataCollatorForLanguageModeling(tokenizer, mlm=False)
    Trainer(model=model, train_dataset=dataset, data_collator=collator).train()


def sample(config, model, prompts):
    tokenizer = get_generation_tokenizer(config)
    batch = tokenizer(prompts, return_tensors="pt", padding=True)
    return model.generate(**batch, pad_token_id=tokenizer.pad_token_id)
