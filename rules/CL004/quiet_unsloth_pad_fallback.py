# versions: trl==0.12.2
# An SFT script that loads with unsloth, whose loader gives a tokenizer without a pad token a reserved token of its
# own (not EOS): the script's `pad_token = eos_token` fallback never runs, even with trl's masking collator.
from trl import SFTConfig, SFTTrainer
from unsloth import FastLanguageModel


def main(dataset):
    model, tokenizer = FastLanguageModel.from_pretrained("unsloth/Llama-3.2-1B-Instruct", max_seq_length=2048)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    model = FastLanguageModel.get_peft_model(model, r=16)
    trainer = SFTTrainer(model=model, processing_class=tokenizer, train_dataset=dataset, args=SFTConfig(output_dir="out"))
    trainer.train()
