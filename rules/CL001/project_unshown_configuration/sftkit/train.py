"""Fine-tunes a chat model on a recipe."""
import sys

from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments

from .config import RunConfig
from .formatting import ChatFormatter


def main(recipe):
    cfg = RunConfig.from_yaml(recipe)
    tokenizer = AutoTokenizer.from_pretrained(cfg.model_name)
    data = load_dataset(cfg.dataset, split="train_sft")
    data = data.map(ChatFormatter(tokenizer, cfg.format), remove_columns=data.column_names)
    model = AutoModelForCausalLM.from_pretrained(cfg.model_name)
    Trainer(model=model, args=TrainingArguments("out"), train_dataset=data).train()


if __name__ == "__main__":
    main(sys.argv[1])
