# A tokenizer loaded from a folder of its own (not the adapter's) may be any model's: the TinyLlama base says
# nothing about it, and the render it makes is tokenized again with special tokens on.
import torch
from peft import PeftModel
from transformers import AutoModelForCausalLM, AutoTokenizer


def load(tokenizer_dir, adapter_dir):
    tokenizer = AutoTokenizer.from_pretrained(tokenizer_dir)
    model = AutoModelForCausalLM.from_pretrained("TinyLlama/TinyLlama-1.1B-Chat-v1.0", torch_dtype=torch.float32)
    model = PeftModel.from_pretrained(model, adapter_dir)
    return model.eval(), tokenizer


def reply(model, tokenizer, prompt):
    text = tokenizer.apply_chat_template([{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True)
    inputs = tokenizer(text, return_tensors="pt")  # expect: CL002 "rendered by `tokenizer.apply_chat_template(..., tokenize=False)`"
    with torch.no_grad():
        return model.generate(**inputs, max_new_tokens=200)
