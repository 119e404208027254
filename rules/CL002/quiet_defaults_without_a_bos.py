# Code whose checkpoint is a Qwen model by default: a literal or a module constant as a parameter's default, the
# default of an environment variable, of an argparse option or of a field of the module's own configuration class.
# The default is the model the code runs with (its users may pass another, but the authors run this one): Qwen's
# ChatML template writes no BOS, so tokenizing its render with special tokens adds none. The twins with Llama 3
# defaults are in flag_checkpoints_by_default.py.
import argparse
import os
from dataclasses import dataclass

from transformers import AutoModelForImageTextToText, AutoProcessor, AutoTokenizer

VISION_MODEL = "Qwen/Qwen2.5-VL-3B-Instruct"
JUDGE = os.getenv("JUDGE_MODEL", "Qwen/Qwen2.5-7B-Instruct")


class VisionModel:
    def __init__(self, pretrained: str = "Qwen/Qwen2.5-VL-7B-Instruct", device: str = "cuda"):
        self.model = AutoModelForImageTextToText.from_pretrained(pretrained).to(device)
        self.processor = AutoProcessor.from_pretrained(pretrained)

    def prepare(self, messages, images):
        text = self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.processor(text=[text], images=images, return_tensors="pt")


class VisionChat:
    def __init__(self, pretrained: str = VISION_MODEL):
        self.processor = AutoProcessor.from_pretrained(pretrained)

    def prepare(self, messages, images):
        text = self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.processor(text=[text], images=images, return_tensors="pt")


def judge(question):
    tokenizer = AutoTokenizer.from_pretrained(JUDGE)
    text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    return tokenizer([text], return_tensors="pt")


@dataclass
class EvalConfig:
    model_name: str = "Qwen/Qwen2.5-7B-Instruct"


def evaluate(config: EvalConfig, question):
    tokenizer = AutoTokenizer.from_pretrained(config.model_name)
    text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    return tokenizer(text, return_tensors="pt")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="Qwen/Qwen2.5-7B-Instruct", help="any chat model")
    args = parser.parse_args()
    tokenizer = AutoTokenizer.from_pretrained(args.model)
    text = tokenizer.apply_chat_template([{"role": "user", "content": "hi"}], tokenize=False, add_generation_prompt=True)
    return tokenizer(text, return_tensors="pt")
