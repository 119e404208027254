# trl's `setup_chat_format(model, tokenizer)` installs its ChatML template: every message starts with `<|im_start|>`,
# which it makes the tokenizer's `bos_token`, and the text holds no BOS of the model's. The tokenizer adds its own
# BOS in front, once: what trl means the model to be trained on.
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl import setup_chat_format

model = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.2-1B")
tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.2-1B")
model, tokenizer = setup_chat_format(model, tokenizer)


def reply(question):
    prompt = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    inputs = tokenizer(prompt, return_tensors="pt")
    return model.generate(**inputs, max_new_tokens=64)
