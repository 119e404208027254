# An evaluation script for a LoRA adapter on a Qwen 2.5 model (a constant of the module): PEFT's
# `PeftModel.from_pretrained(model, adapter_dir)` loads the adapter on the model, no checkpoint of its own, so the
# module runs only Qwen's ChatML template, which writes no BOS.
from peft import PeftModel
from transformers import AutoModelForCausalLM, AutoTokenizer

MODEL_ID = "Qwen/Qwen2.5-7B-Instruct"
ADAPTER_PATH = "outputs/lora"


def main(questions):
    tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
    model = AutoModelForCausalLM.from_pretrained(MODEL_ID)
    model = PeftModel.from_pretrained(model, ADAPTER_PATH)
    for question in questions:
        text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
        inputs = tokenizer(text, return_tensors="pt")
        print(tokenizer.decode(model.generate(**inputs, max_new_tokens=128)[0], skip_special_tokens=True))
