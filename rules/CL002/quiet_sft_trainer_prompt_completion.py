# Quiet: a prompt-completion dataset whose prompt is a list of messages (trl renders it once), or whose rendered
# prompt the trainer never tokenizes (the dataset holds `input_ids` already, or trl is told to skip preparing it),
# or a trainer given another dataset than the one with the rendered prompts.
from datasets import Dataset
from transformers import AutoTokenizer
from trl import SFTConfig, SFTTrainer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-3B-Instruct")


def train_on_messages(model, questions, answers):
    dataset = Dataset.from_dict(
        {
            "prompt": [[{"role": "user", "content": q}] for q in questions],
            "completion": [[{"role": "assistant", "content": a}] for a in answers],
        }
    )
    return SFTTrainer(model=model, train_dataset=dataset, processing_class=tokenizer)


def train_prepared(model, questions, answers):
    prompts = [
        tokenizer.apply_chat_template([{"role": "user", "content": q}], tokenize=False, add_generation_prompt=True)
        for q in questions
    ]
    dataset = Dataset.from_dict({"prompt": prompts, "completion": answers})
    config = SFTConfig(output_dir="out", dataset_kwargs={"skip_prepare_dataset": True})
    return SFTTrainer(model=model, args=config, train_dataset=dataset.map(encode), processing_class=tokenizer)


def encode(example):
    prompt_ids = tokenizer(example["prompt"], add_special_tokens=False)["input_ids"]
    return {"input_ids": prompt_ids + tokenizer(example["completion"], add_special_tokens=False)["input_ids"]}


def train_on_raw(model, raw):
    return SFTTrainer(model=model, train_dataset=raw, processing_class=tokenizer)


def train_round(model, prompts, targets):
    # every caller hands plain questions: trl adds the only BOS
    dataset = Dataset.from_dict({"prompt": list(prompts), "completion": targets})
    return SFTTrainer(model=model, train_dataset=dataset, processing_class=tokenizer)


def run_rounds(model, rounds):
    for questions, targets in rounds:
        train_round(model, [q.strip() for q in questions], targets)
