# An old trl's `SFTTrainer` (`tokenizer=` is taken only before 0.16) pads with a collator that masks labels equal to
# the pad id, but the module trains on hand-built text with no EOS in it, unpacked (or packing asked of a dataset of
# ids, which trl leaves as it is): only padding is masked.
from transformers import AutoTokenizer
from trl import SFTTrainer


def formatting_func(example):
    return f"### Instruction:\n{example['instruction']}\n\n### Response:\n{example['output']}"


def main(dataset):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B")
    tokenizer.pad_token = tokenizer.eos_token
    texts = dataset.map(lambda row: {"text": formatting_func(row)})
    SFTTrainer(model="m", tokenizer=tokenizer, train_dataset=texts, dataset_text_field="text", packing=False).train()


def packed_ids(dataset):
    # packing asked for, but the dataset is ids already (every column but the ids removed): trl neither tokenizes
    # nor packs it, so no EOS is put between texts
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B")
    tokenizer.pad_token = tokenizer.eos_token

    def tokenize(rows):
        return tokenizer([formatting_func(row) for row in rows], truncation=True, padding="max_length")

    ids = dataset.map(tokenize, batched=True, remove_columns=dataset.column_names)
    SFTTrainer(model="m", tokenizer=tokenizer, train_dataset=ids, dataset_text_field="text", packing=True).train()
