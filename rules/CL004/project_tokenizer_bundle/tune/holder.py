# A tokenizer read off an object built by a class of the project (`bundle.tokenizer`): that class pads with EOS,
# and this script masks labels by value itself.
from transformers import DataCollatorForLanguageModeling

from .setup import ModelBundle


def collator_for(name, model):
    bundle = ModelBundle(name, model)
    tok = bundle.tokenizer
    return DataCollatorForLanguageModeling(tokenizer=tok, mlm=False)  # expect: CL004 "comes from `ModelBundle`"
