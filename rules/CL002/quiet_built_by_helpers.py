# The twin of flag_built_by_helpers.py: the trainer gets a loaded corpus through a function of the module that only
# shuffles the dataset it is handed, not the rendered one.
from datasets import Dataset, load_dataset
from transformers import AutoTokenizer
from trl import SFTConfig, SFTTrainer

tok = AutoTokenizer.from_pretrained("google/gemma-2-2b-it")


def build_dataset(conversations):
    rows = []
    for conversation in conversations:
        rows.append({"content": tok.apply_chat_template(conversation, tokenize=False)})
    return Dataset.from_list(rows)


def shuffled(dataset):
    return dataset.shuffle(seed=0)


def train(conversations):
    preview = build_dataset(conversations)
    corpus = load_dataset("json", data_files="corpus.jsonl")["train"]
    config = SFTConfig(output_dir="out", dataset_text_field="content")
    trainer = SFTTrainer(model="google/gemma-2-2b-it", args=config, train_dataset=shuffled(corpus), processing_class=tok)
    trainer.train()
    return preview
