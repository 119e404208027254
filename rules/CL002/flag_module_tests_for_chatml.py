# A generic evaluation script that only tests a model's reply for ChatML's marker (one reply format among others):
# any model can be passed, and the render is tokenized again with special tokens on.
def strip_prompt(response):
    if "<|im_start|>assistant" in response:
        return response.split("<|im_start|>assistant", 1)[1]
    return response


def generate(model, tokenizer, question):
    text = tokenizer.apply_chat_template([{"role": "user", "content": question}], tokenize=False, add_generation_prompt=True)
    inputs = tokenizer(text, return_tensors="pt")  # expect: CL002 "rendered by `tokenizer.apply_chat_template(..., tokenize=False)`"
    return strip_prompt(tokenizer.decode(model.generate(**inputs)[0]))
