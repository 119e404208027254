# Code that loads Qwen checkpoints it names itself (a module constant handed to `from_pretrained`, a configured path
# under a key that names the family with a Qwen checkpoint as the fallback): Qwen's ChatML template writes no BOS,
# so tokenizing its render with special tokens adds none. (A Qwen checkpoint written as a default is the model
# too: quiet_defaults_without_a_bos.py.)
from transformers import AutoModelForCausalLM, AutoTokenizer

JUDGE = "Qwen/Qwen2.5-7B-Instruct"


def judge(question):
    tokenizer = AutoTokenizer.from_pretrained(JUDGE)
    model = AutoModelForCausalLM.from_pretrained(JUDGE)
    text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    return model.generate(**tokenizer([text], return_tensors="pt"))


def judge_from_paths(paths, question):
    try:
        judge_name = paths["qwen"]
        tokenizer = AutoTokenizer.from_pretrained(judge_name)
    except KeyError:
        judge_name = "Qwen/Qwen2.5-7B-Instruct"
        tokenizer = AutoTokenizer.from_pretrained(judge_name)
    text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    return tokenizer([text], return_tensors="pt")


# a local checkpoint whose folder is named for a Qwen model: a path joined with `/` (inside `str()`), with
# `os.path.join`, or written in an f-string
import os
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
CODER = str(PROJECT / "models" / "Qwen2.5-Coder-3B-Instruct")


def sql_prompt(question):
    tokenizer = AutoTokenizer.from_pretrained(CODER, local_files_only=True)
    chat = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    return tokenizer(chat, return_tensors="pt")


def local_judge(question):
    tokenizer = AutoTokenizer.from_pretrained(os.path.join(os.environ["HOME"], "models", "Qwen2.5-7B-Instruct"))
    chat = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    return tokenizer(chat, return_tensors="pt")


def mounted_judge(question):
    tokenizer = AutoTokenizer.from_pretrained(f"{PROJECT}/models/qwen3-8b")
    chat = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    return tokenizer(chat, return_tensors="pt")
