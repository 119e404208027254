# A latency benchmark: a Qwen 2.5 model from a local folder (its last part names the model), run eagerly and then
# exported to ONNX and loaded back from the folder the script saved it to. That folder holds the same Qwen model,
# whose ChatML template writes no BOS.
from optimum.onnxruntime import ORTModelForCausalLM
from transformers import AutoModelForCausalLM, AutoTokenizer

MODEL = "/data/models/Qwen2.5-0.5B-Instruct"
ONNX_DIR = "/data/onnx/exported"

tokenizer = AutoTokenizer.from_pretrained(MODEL)
text = tokenizer.apply_chat_template([{"role": "user", "content": "Hello"}], add_generation_prompt=True, tokenize=False)


def run_eager():
    model = AutoModelForCausalLM.from_pretrained(MODEL)
    return model.generate(**tokenizer(text, return_tensors="pt"), max_new_tokens=64)


def run_onnx():
    exported = ORTModelForCausalLM.from_pretrained(MODEL, export=True)
    exported.save_pretrained(ONNX_DIR)
    model = ORTModelForCausalLM.from_pretrained(ONNX_DIR)
    return model.generate(**tokenizer(text, return_tensors="pt"), max_new_tokens=64)
