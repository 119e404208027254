# The twins of flag_sft_old_keywords.py: the current API (no trl version declared, nothing only old releases take), a
# collator of the caller's own (quiet_sft_old_keywords_declared_new.py: a project that declares only new trl releases).
from transformers import AutoModelForCausalLM, AutoTokenizer, DataCollatorForSeq2Seq
from trl import SFTConfig, SFTTrainer


def main(dataset):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B")
    tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B")
    SFTTrainer(model=model, processing_class=tokenizer, train_dataset=dataset, args=SFTConfig("out")).train()


def own_collator(dataset):
    tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B")
    tokenizer.pad_token = tokenizer.eos_token
    collator = DataCollatorForSeq2Seq(tokenizer, label_pad_token_id=-100)
    SFTTrainer(model="m", tokenizer=tokenizer, train_dataset=dataset, data_collator=collator).train()

