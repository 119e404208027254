# The checkpoint goes through a loader of the module: every call of it passes a Qwen checkpoint, whose ChatML
# template writes no BOS, so the text tokenized again starts with none.
from transformers import AutoModelForCausalLM, AutoTokenizer

BASE = "Qwen/Qwen2.5-7B-Instruct"


def load_tokenizer(name):
    tokenizer = AutoTokenizer.from_pretrained(name)
    tokenizer.padding_side = "left"
    return tokenizer


def load_model(name):
    return AutoModelForCausalLM.from_pretrained(name, torch_dtype="bfloat16")


def answer(question):
    tokenizer = load_tokenizer(BASE)
    model = load_model(BASE)
    text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    inputs = tokenizer(text, return_tensors="pt")
    return model.generate(**inputs, max_new_tokens=128)
