# A chat app over a LoRA adapter trained on TinyLlama-1.1B-Chat v1.0: the tokenizer is loaded from the adapter's
# folder, where training saved the base model's tokenizer. TinyLlama's chat template writes no BOS, so the
# tokenizer's own BOS is the only one.
import os

import torch
from peft import PeftModel
from transformers import AutoModelForCausalLM, AutoTokenizer


def load(root):
    base_model = "TinyLlama/TinyLlama-1.1B-Chat-v1.0"
    adapter_dir = os.path.join(root, "lora-chat")
    tokenizer = AutoTokenizer.from_pretrained(adapter_dir)
    model = AutoModelForCausalLM.from_pretrained(base_model, torch_dtype=torch.float32)
    model = PeftModel.from_pretrained(model, adapter_dir)
    return model.eval(), tokenizer


def reply(model, tokenizer, prompt):
    text = tokenizer.apply_chat_template([{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True)
    inputs = tokenizer(text, return_tensors="pt")
    with torch.no_grad():
        output = model.generate(**inputs, max_new_tokens=200)
    return tokenizer.decode(output[0][inputs["input_ids"].shape[1] :], skip_special_tokens=True)
