# Unsloth imported lazily but required: the `try` only words the failure (`except ImportError: raise ...`), so the
# training below always runs under Unsloth's patched `SFTTrainer`, which tokenizes a column that starts with the BOS
# without special tokens. (When the handler goes on without Unsloth, trl's own trainer may run: see
# flag_sft_trainer_unsloth_optional.py.)


def train(data_path, model_name="unsloth/Llama-3.2-3B-Instruct"):
    try:
        from unsloth import FastLanguageModel
    except ImportError:
        raise ImportError("Unsloth is required for training: pip install unsloth")
    try:
        from datasets import load_dataset
        from trl import SFTConfig, SFTTrainer
    except ImportError as error:
        raise ImportError("trl and datasets are required") from error

    model, tokenizer = FastLanguageModel.from_pretrained(model_name, max_seq_length=4096)

    def to_text(example):
        return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False)}

    dataset = load_dataset("json", data_files=data_path, split="train").map(to_text)
    config = SFTConfig(output_dir="out", dataset_text_field="text")
    trainer = SFTTrainer(model=model, processing_class=tokenizer, train_dataset=dataset, args=config)
    trainer.train()
