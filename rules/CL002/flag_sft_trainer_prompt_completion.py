# trl's `SFTTrainer` given a prompt-completion dataset whose prompt is plain text (0.17 and later): it tokenizes the
# prompt with special tokens on, alone and before its completion. A prompt rendered by the chat template already
# starts with the template's BOS, so every example gets a second one.
from datasets import Dataset
from transformers import AutoTokenizer
from trl import SFTConfig, SFTTrainer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-3B-Instruct")


def train_on_labels(model, questions, answers):
    prompts = [
        tokenizer.apply_chat_template([{"role": "user", "content": q}], tokenize=False, add_generation_prompt=True)
        for q in questions
    ]
    dataset = Dataset.from_dict({"prompt": prompts, "completion": answers})
    config = SFTConfig(output_dir="out", completion_only_loss=True)
    return SFTTrainer(model=model, args=config, train_dataset=dataset, processing_class=tokenizer)  # expect: CL002 "column `prompt` (the prompt of trl's prompt-completion format)"


def split_turns(example):
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    return {"prompt": prompt, "completion": example["messages"][-1]["content"]}


def train_on_conversations(model, conversations):
    dataset = conversations.map(split_turns, remove_columns=["messages"])
    return SFTTrainer(model=model, train_dataset=dataset, processing_class=tokenizer)  # expect: CL002 "in `completion`"


def train_round(model, prompts, targets):
    # the prompts come from the caller: rendered there
    dataset = Dataset.from_dict({"prompt": list(prompts), "completion": targets})
    return SFTTrainer(model=model, train_dataset=dataset, processing_class=tokenizer)  # expect: CL002 "passed as `prompts` to `train_round`"


def run_rounds(model, rounds):
    for questions, targets in rounds:
        rendered = [
            tokenizer.apply_chat_template([{"role": "user", "content": q}], tokenize=False, add_generation_prompt=True)
            for q in questions
        ]
        train_round(model, rendered, targets)
