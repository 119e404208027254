# The twin of quiet_lora_adapter_loaded.py: the adapter sits on a Llama 3.1 model, whose template writes the
# BOS its tokenizer adds again.
from peft import PeftModel
from transformers import AutoModelForCausalLM, AutoTokenizer

MODEL_ID = "meta-llama/Llama-3.1-8B-Instruct"
ADAPTER_PATH = "outputs/lora"


def main(questions):
    tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
    model = AutoModelForCausalLM.from_pretrained(MODEL_ID)
    model = PeftModel.from_pretrained(model, ADAPTER_PATH)
    for question in questions:
        text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
        inputs = tokenizer(text, return_tensors="pt")  # expect: CL002 "rendered by `tokenizer.apply_chat_template(..., tokenize=False)`"
        print(tokenizer.decode(model.generate(**inputs, max_new_tokens=128)[0], skip_special_tokens=True))
