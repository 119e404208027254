# Unsloth imported only when it is installed, with plain transformers loaded otherwise: its patch of
# `apply_chat_template` (lists of ids under transformers 5) is not there on the fallback path.
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

try:
    from unsloth import FastLanguageModel

    HAS_UNSLOTH = True
except ImportError:
    HAS_UNSLOTH = False


def load(model_name):
    if HAS_UNSLOTH:
        return FastLanguageModel.from_pretrained(model_name, load_in_4bit=True)
    return AutoModelForCausalLM.from_pretrained(model_name), AutoTokenizer.from_pretrained(model_name)


def answer(model_name, messages):
    model, tokenizer = load(model_name)
    inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")  # expect: CL005 "tokenizes without `return_dict=False`"
    with torch.no_grad():
        outputs = model.generate(input_ids=inputs, max_new_tokens=64)
    return tokenizer.decode(outputs[0][len(inputs[0]) :], skip_special_tokens=True)
