# DeepSeek's own chat models (V3, R1): their template begins with `<｜begin▁of▁sentence｜>`, the BOS their tokenizer
# adds again, so a prompt rendered as text and tokenized with the defaults starts with two.
from transformers import AutoModelForCausalLM, AutoTokenizer

MODEL_ID = "deepseek-ai/DeepSeek-V3"


def answer(question):
    tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
    model = AutoModelForCausalLM.from_pretrained(MODEL_ID)
    prompt = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    inputs = tokenizer(prompt, return_tensors="pt")  # expect: CL002 "rendered by `tokenizer.apply_chat_template(..., tokenize=False)`"
    return tokenizer.decode(model.generate(**inputs, max_new_tokens=256)[0], skip_special_tokens=True)
