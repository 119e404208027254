# The twin of quiet_tokenizer_saved_with_adapter.py: the adapter was trained on Llama 3.1, so the tokenizer saved
# with it renders Llama 3's template, which writes the BOS the tokenizer adds again.
import os

import torch
from peft import PeftModel
from transformers import AutoModelForCausalLM, AutoTokenizer


def load(root):
    base_model = "meta-llama/Llama-3.1-8B-Instruct"
    adapter_dir = os.path.join(root, "lora-chat")
    tokenizer = AutoTokenizer.from_pretrained(adapter_dir)
    model = AutoModelForCausalLM.from_pretrained(base_model, torch_dtype=torch.float32)
    model = PeftModel.from_pretrained(model, adapter_dir)
    return model.eval(), tokenizer


def reply(model, tokenizer, prompt):
    text = tokenizer.apply_chat_template([{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True)
    inputs = tokenizer(text, return_tensors="pt")  # expect: CL002 "rendered by `tokenizer.apply_chat_template(..., tokenize=False)`"
    with torch.no_grad():
        output = model.generate(**inputs, max_new_tokens=200)
    return tokenizer.decode(output[0][inputs["input_ids"].shape[1] :], skip_special_tokens=True)
