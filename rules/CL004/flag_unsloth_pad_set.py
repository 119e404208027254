# versions: trl==0.12.2
# The twin of quiet_unsloth_pad_fallback.py: the script sets pad = EOS whatever unsloth gave the tokenizer, and
# trl's default collator (before 0.17) masks every label equal to the pad id, so the EOS targets are dropped.
from trl import SFTConfig, SFTTrainer
from unsloth import FastLanguageModel


def main(dataset):
    model, tokenizer = FastLanguageModel.from_pretrained("unsloth/Llama-3.2-1B-Instruct", max_seq_length=2048)
    tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "`SFTTrainer(...)`"
    model = FastLanguageModel.get_peft_model(model, r=16)
    trainer = SFTTrainer(model=model, processing_class=tokenizer, train_dataset=dataset, args=SFTConfig(output_dir="out"))
    trainer.train()


def main_with_a_fallback_model(dataset, model_name):
    # (unsloth loads the model only, as a fallback; the tokenizer padded with EOS is transformers' own)
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_name)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token  # expect: CL004 "`SFTTrainer(...)`"
    model, _unused = FastLanguageModel.from_pretrained(model_name, max_seq_length=2048)
    trainer = SFTTrainer(model=model, processing_class=tokenizer, train_dataset=dataset, args=SFTConfig(output_dir="out"))
    trainer.train()
