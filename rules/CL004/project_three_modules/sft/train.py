from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

from .collators import AttentionCollator, PaddedCollator
from .tokenizers import load_tokenizer, load_tokenizer_with_pad

CHECKPOINT = "meta-llama/Llama-3.1-8B-Instruct"


def train(dataset):
    tokenizer = load_tokenizer(CHECKPOINT)
    model = AutoModelForCausalLM.from_pretrained(CHECKPOINT)
    collator = PaddedCollator(tokenizer, max_length=2048)  # expect: CL004 "`load_tokenizer` (sft/tokenizers.py:6), which sets `tok.pad_token = tok.eos_token`"
    Trainer(model=model, args=TrainingArguments("out"), train_dataset=dataset, data_collator=collator).train()


def train_masked_by_position(dataset):
    # masks padding by the attention mask: the EOS targets stay
    tokenizer = load_tokenizer(CHECKPOINT)
    model = AutoModelForCausalLM.from_pretrained(CHECKPOINT)
    collator = AttentionCollator(tokenizer)
    Trainer(model=model, args=TrainingArguments("out"), train_dataset=dataset, data_collator=collator).train()
