# Quiet: the trainer gets the conversations and renders them once; or reads a column that holds no render; or its
# options may change how it tokenizes (a `**mapping` of them).
from datasets import load_dataset
from transformers import AutoTokenizer
from trl import SFTConfig, SFTTrainer

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-3B-Instruct")
conversations = load_dataset("json", data_files="chat.jsonl", split="train")
SFTTrainer(model="m", train_dataset=conversations, processing_class=tokenizer)


def to_prompt_text(example):
    return {"prompt_text": tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False)}


rendered = conversations.map(to_prompt_text)
SFTTrainer(model="m", args=SFTConfig(output_dir="out"), train_dataset=rendered, processing_class=tokenizer)


def from_options(options):
    return SFTTrainer(model="m", train_dataset=rendered, processing_class=tokenizer, **options)


def trained_with_keywords_in_a_dict(messages_only):
    # the keywords gathered in a dict: the dataset it names holds conversations, or the dict turns preparation off
    trainer_kwargs = dict(model="m", processing_class=tokenizer, train_dataset=conversations)
    SFTTrainer(**trainer_kwargs)
    prepared = dict(model="m", train_dataset=rendered.map(to_text), dataset_kwargs={"skip_prepare_dataset": True})
    return SFTTrainer(**prepared)


def to_text(example):
    return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False)}


def trained_on_the_module_dataset():
    # the module-level dataset of conversations, read in a function: never mapped to text
    return SFTTrainer(model="m", processing_class=tokenizer, train_dataset=conversations)
