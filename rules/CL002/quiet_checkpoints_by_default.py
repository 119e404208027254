# Code whose checkpoints are Qwen's by default (a module constant as a parameter's default, an environment variable's
# default, a configured path under a key that names the family with a Qwen checkpoint as the fallback): Qwen's ChatML
# template writes no BOS, so tokenizing its render with special tokens adds none.
import os

from transformers import AutoModelForCausalLM, AutoProcessor, AutoTokenizer

JUDGE = os.getenv("JUDGE_MODEL", "Qwen/Qwen2.5-7B-Instruct")
VISION_MODEL = "Qwen/Qwen2.5-VL-3B-Instruct"


class VisionChat:
    def __init__(self, pretrained: str = VISION_MODEL):
        self.processor = AutoProcessor.from_pretrained(pretrained)

    def prepare(self, messages, images):
        text = self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.processor(text=[text], images=images, return_tensors="pt")


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
