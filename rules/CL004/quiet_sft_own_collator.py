# versions: trl==0.12.2
# An old trl, but the script hands `SFTTrainer` a collator of its own that masks padding by position.
from transformers import AutoModelForCausalLM, AutoTokenizer, DataCollatorWithPadding
from trl import SFTConfig, SFTTrainer


def main(dataset):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B")
    tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B")
    collator = DataCollatorWithPadding(tokenizer)
    trainer = SFTTrainer(
        model=model, processing_class=tokenizer, train_dataset=dataset, data_collator=collator, args=SFTConfig(output_dir="out")
    )
    trainer.train()
