# The twins of quiet_checkpoints_by_default.py with Llama 3 checkpoints by default: their template writes a BOS.
# Tokenizing the render with special tokens adds a second one.
import os

from transformers import AutoModelForCausalLM, AutoProcessor, AutoTokenizer

JUDGE = os.getenv("JUDGE_MODEL", "meta-llama/Llama-3.1-8B-Instruct")


class VisionChat:
    def __init__(self, pretrained: str = "meta-llama/Llama-3.2-11B-Vision-Instruct"):
        self.processor = AutoProcessor.from_pretrained(pretrained)

    def prepare(self, messages, images):
        text = self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.processor(text=[text], images=images, return_tensors="pt")  # expect: CL002 "(the Llama 3 chat template writes one)"


def judge(question):
    tokenizer = AutoTokenizer.from_pretrained(JUDGE)
    model = AutoModelForCausalLM.from_pretrained(JUDGE)
    text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    return model.generate(**tokenizer([text], return_tensors="pt"))  # expect: CL002 "(the Llama 3 chat template writes one)"


# a local checkpoint whose folder is named for a Llama 3 model, and an option's value copied to a local name first
import argparse
from pathlib import Path

CHECKPOINTS = Path("/data/checkpoints")
LLAMA = CHECKPOINTS / "Meta-Llama-3.1-8B-Instruct"


def local_llama(question):
    tokenizer = AutoTokenizer.from_pretrained(str(LLAMA))
    chat = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    return tokenizer(chat, return_tensors="pt")  # expect: CL002 "(the Llama 3 chat template writes one)"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-model", default="meta-llama/Llama-3.1-8B-Instruct")
    args = parser.parse_args()
    base_model = args.base_model
    tokenizer = AutoTokenizer.from_pretrained(base_model)
    chat = tokenizer.apply_chat_template([{"role": "user", "content": "hi"}], tokenize=False, add_generation_prompt=True)
    return tokenizer(chat, return_tensors="pt")  # expect: CL002 "(the Llama 3 chat template writes one)"
