# The collator factory: transformers' language-modeling collator sets every label equal to the pad id to -100.
from transformers import DataCollatorForLanguageModeling


def make_collator(bundle, multiple=8):
    return DataCollatorForLanguageModeling(tokenizer=bundle.tokenizer, mlm=False, pad_to_multiple_of=multiple)
