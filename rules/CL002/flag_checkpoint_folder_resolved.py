# The twin of quiet_checkpoint_folder_resolved: the folders hold Llama 3 models, whose template writes
# `<|begin_of_text|>`; tokenizing the render again adds a second one.
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
    path = find_model_path("meta-llama/Llama-3.1-8B-Instruct")
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = AutoModelForCausalLM.from_pretrained(path)
    return tokenizer, model


def answer(question):
    tokenizer, model = load_models()
    text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    return model.generate(**tokenizer(text, return_tensors="pt"), max_new_tokens=64)  # expect: CL002 "(the Llama 3 chat template"


def judge(question):
    folder = snapshot_download(repo_id="meta-llama/Llama-3.2-3B-Instruct")
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForCausalLM.from_pretrained(folder)
    text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    return model.generate(**tokenizer(text, return_tensors="pt"), max_new_tokens=8)  # expect: CL002 "(the Llama 3 chat template"
