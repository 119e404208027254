# A dataset built by a function of the module from rendered texts (rows appended one by one) keeps its rendered
# column for the trainer that tokenizes it.
from datasets import Dataset
from transformers import AutoTokenizer
from trl import SFTConfig, SFTTrainer

tok = AutoTokenizer.from_pretrained("google/gemma-2-2b-it")


def build_dataset(conversations):
    rows = []
    for conversation in conversations:
        rows.append({"content": tok.apply_chat_template(conversation, tokenize=False), "turns": len(conversation)})
    return Dataset.from_list(rows)


def train(conversations):
    dataset = build_dataset(conversations).shuffle(seed=0)
    config = SFTConfig(output_dir="out", dataset_text_field="content")
    trainer = SFTTrainer(model="google/gemma-2-2b-it", args=config, train_dataset=dataset, processing_class=tok)  # expect: CL002 "stored in column `content` by `Dataset.from_list(rows)`"
    trainer.train()
