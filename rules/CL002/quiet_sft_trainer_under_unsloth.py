# Unsloth imported before trl patches trl's `SFTTrainer`: it sees that the texts of the column start with the BOS and
# tokenizes them without special tokens ("Unsloth: We found double BOS tokens - we shall remove one automatically").
from unsloth import FastLanguageModel  # (first: it patches trl on import)
from datasets import load_dataset
from trl import SFTConfig, SFTTrainer

model, tokenizer = FastLanguageModel.from_pretrained("unsloth/Llama-3.2-3B-Instruct", max_seq_length=2048)


def formatting_prompts_func(examples):
    texts = [tokenizer.apply_chat_template(messages, tokenize=False) for messages in examples["conversations"]]
    return {"text": texts}


dataset = load_dataset("json", data_files="chat.jsonl", split="train").map(formatting_prompts_func, batched=True)
trainer = SFTTrainer(model=model, tokenizer=tokenizer, train_dataset=dataset, args=SFTConfig(dataset_text_field="text"))
