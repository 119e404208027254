# SFTTrainer is told to read the rendered column: it tokenizes it again with special tokens.
from datasets import load_dataset
from transformers import AutoTokenizer
from trl import SFTConfig, SFTTrainer

from recipes.prep import as_text

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
train = load_dataset("json", data_files="chats.jsonl", split="train").map(as_text, fn_kwargs={"tokenizer": tokenizer})
config = SFTConfig(output_dir="out", dataset_text_field="formatted", max_length=4096)
trainer = SFTTrainer(model="meta-llama/Llama-3.1-8B-Instruct", args=config, train_dataset=train, processing_class=tokenizer)  # expect: CL002 "`SFTTrainer` tokenizes column `formatted`"
trainer.train()
