from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments

from .instruct_data import PromptDataset
from .config import LlamaRunConfig


def train(path, rows):
    cfg = LlamaRunConfig.from_yaml(path)
    tokenizer = AutoTokenizer.from_pretrained(cfg.model_name_or_path)
    model = AutoModelForCausalLM.from_pretrained(cfg.model_name_or_path)
    Trainer(model=model, args=TrainingArguments("out"), train_dataset=PromptDataset(tokenizer, rows)).train()
