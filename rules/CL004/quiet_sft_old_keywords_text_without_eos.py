# An old trl's `SFTTrainer` (`tokenizer=` is taken only before 0.16) pads with a collator that masks labels equal to
# the pad id, but the module trains on hand-built text with no EOS in it, unpacked: only padding is masked.
from transformers import AutoTokenizer
from trl import SFTTrainer


def formatting_func(example):
    return f"### Instruction:\n{example['instruction']}\n\n### Response:\n{example['output']}"


def main(dataset):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B")
    tokenizer.pad_token = tokenizer.eos_token
    texts = dataset.map(lambda row: {"text": formatting_func(row)})
    SFTTrainer(model="m", tokenizer=tokenizer, train_dataset=texts, dataset_text_field="text", packing=False).train()
