# The twin of quiet_checkpoint_passed_to_a_loader: the loaders are called with a Qwen checkpoint and with a Llama 3
# one, whose template writes `<|begin_of_text|>`: tokenizing the text again adds a second BOS.
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
    inputs = tokenizer(text, return_tensors="pt")  # expect: CL002 "adds a second BOS"
    return model.generate(**inputs, max_new_tokens=128)


def judge(question):
    return load_tokenizer("meta-llama/Llama-3.1-8B-Instruct"), load_model("meta-llama/Llama-3.1-8B-Instruct")
