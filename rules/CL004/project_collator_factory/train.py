# Pads with EOS, then trains with a collator a factory of another module builds, which masks labels equal to the
# pad id: every EOS target is masked with the padding.
from transformers import AutoTokenizer, Trainer

from sftdata.collators import make_collator


def main(model_name, model, dataset, args):
    tokenizer = AutoTokenizer.from_pretrained(model_name)
    tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "(in `ValueMaskingCollator`, which `make_collator` returns)"
    trainer = Trainer(model=model, args=args, train_dataset=dataset, data_collator=make_collator(tokenizer))
    trainer.train()
