# The twin of quiet_model_saved_and_reloaded.py with a Llama 3.2 model: its template writes the BOS the tokenizer
# adds again, in both runs.
from optimum.onnxruntime import ORTModelForCausalLM
from transformers import AutoModelForCausalLM, AutoTokenizer

MODEL = "/data/models/Llama-3.2-1B-Instruct"
ONNX_DIR = "/data/onnx/exported"

tokenizer = AutoTokenizer.from_pretrained(MODEL)
text = tokenizer.apply_chat_template([{"role": "user", "content": "Hello"}], add_generation_prompt=True, tokenize=False)


def run_eager():
    model = AutoModelForCausalLM.from_pretrained(MODEL)
    return model.generate(**tokenizer(text, return_tensors="pt"), max_new_tokens=64)  # expect: CL002 "rendered by `tokenizer.apply_chat_template(..., tokenize=False)`"


def run_onnx():
    exported = ORTModelForCausalLM.from_pretrained(MODEL, export=True)
    exported.save_pretrained(ONNX_DIR)
    model = ORTModelForCausalLM.from_pretrained(ONNX_DIR)
    return model.generate(**tokenizer(text, return_tensors="pt"), max_new_tokens=64)  # expect: CL002 "rendered by `tokenizer.apply_chat_template(..., tokenize=False)`"
