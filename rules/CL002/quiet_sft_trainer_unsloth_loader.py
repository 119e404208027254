# Unsloth imported inside the loader, and the loader always runs before trl is imported: trl's `SFTTrainer` is the
# patched one, which sees the BOS the texts start with and tokenizes them without special tokens.
from datasets import Dataset


def load_unsloth(name):
    from unsloth import FastLanguageModel

    return FastLanguageModel.from_pretrained(name, max_seq_length=2048)


def train(name, pairs):
    model, tokenizer = load_unsloth(name)
    from trl import SFTConfig, SFTTrainer

    rows = []
    for question, answer in pairs:
        chat = [{"role": "user", "content": question}, {"role": "assistant", "content": answer}]
        rows.append({"text": tokenizer.apply_chat_template(chat, tokenize=False)})
    config = SFTConfig(output_dir="out", dataset_text_field="text")
    trainer = SFTTrainer(model=model, processing_class=tokenizer, train_dataset=Dataset.from_list(rows), args=config)
    trainer.train()
