# versions: trl==0.12.2
# A training script that pads with EOS and lets `SFTTrainer` pick its collator: trl 0.12's default is transformers'
# `DataCollatorForLanguageModeling`, which masks every label equal to the pad id, EOS targets included.
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl import SFTConfig, SFTTrainer


def main(dataset):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B")
    tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "`SFTTrainer(...)` has no `data_collator`, and trl before 0.17 (trl 0.12.2"
    model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B")
    trainer = SFTTrainer(model=model, processing_class=tokenizer, train_dataset=dataset, args=SFTConfig(output_dir="out"))
    trainer.train()
