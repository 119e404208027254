# The checkpoint is loaded from the local folder a helper finds for it (a cache on a cluster, else the Hub name) or
# that huggingface_hub downloads: the model is the one named, Qwen's, whose ChatML template writes no BOS.
import os

from huggingface_hub import snapshot_download
from transformers import AutoModelForCausalLM, AutoTokenizer


def find_model_path(model_name):
    for root in ("/scratch/models", os.path.expanduser("~/models")):
        candidate = os.path.join(root, model_name.split("/")[-1])
        if os.path.isdir(candidate):
            return candidate
    return model_name


def load_models():
    path = find_model_path("Qwen/Qwen3-8B")
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModelForCausalLM.from_pretrained(path)
    return tokenizer, model


def answer(question):
    tokenizer, model = load_models()
    text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    return model.generate(**tokenizer(text, return_tensors="pt"), max_new_tokens=64)


def judge(question):
    folder = snapshot_download(repo_id="Qwen/Qwen2.5-7B-Instruct")
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForCausalLM.from_pretrained(folder)
    text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    return model.generate(**tokenizer(text, return_tensors="pt"), max_new_tokens=8)
