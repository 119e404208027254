# Unsloth imported only when it is installed (`try`/`except ImportError`): without it trl's own `SFTTrainer`
# tokenizes the rendered column with special tokens, a second BOS.
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl import SFTConfig, SFTTrainer

try:
    from unsloth import FastLanguageModel
except ImportError:
    FastLanguageModel = None

MODEL = "meta-llama/Llama-3.1-8B-Instruct"
tokenizer = AutoTokenizer.from_pretrained(MODEL)


def formatting_prompts_func(examples):
    texts = [tokenizer.apply_chat_template(messages, tokenize=False) for messages in examples["messages"]]
    return {"text": texts}


dataset = load_dataset("json", data_files="chat.jsonl", split="train").map(formatting_prompts_func, batched=True)
model = AutoModelForCausalLM.from_pretrained(MODEL)
trainer = SFTTrainer(model=model, processing_class=tokenizer, train_dataset=dataset, args=SFTConfig(output_dir="out"))  # expect: CL002 "`SFTTrainer` tokenizes column `text`"
