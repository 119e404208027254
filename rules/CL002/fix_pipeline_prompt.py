from transformers import AutoTokenizer, pipeline

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B-Instruct")
generator = pipeline("text-generation", model="meta-llama/Llama-3.1-8B-Instruct", tokenizer=tokenizer)


def answer(messages):
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return generator(prompt, max_new_tokens=64)
