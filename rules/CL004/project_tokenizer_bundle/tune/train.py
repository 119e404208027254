# The script that brings them together: the EOS-padded bundle handed to the masking collator drops every EOS
# target from the loss; the bundle with a pad token of its own does not.
from transformers import Trainer, TrainingArguments

from .collate import make_collator
from .setup import PaddedBundle, TokenizerBundle


def main(model, train_ds, name):
    bundle = TokenizerBundle(name)
    args = TrainingArguments(output_dir="out")
    return Trainer(model=model, args=args, train_dataset=train_ds, data_collator=make_collator(bundle))  # expect: CL004 "comes from `TokenizerBundle`"


def main_padded(model, train_ds, name):
    bundle = PaddedBundle(name)
    args = TrainingArguments(output_dir="out")
    return Trainer(model=model, args=args, train_dataset=train_ds, data_collator=make_collator(bundle))
