# A project that names no mlx-lm version gets the newest releases, whose `generate` leaves off the BOS a text prompt
# starts with: nothing is said.
from mlx_lm import generate, load

model, tokenizer = load("mlx-community/Meta-Llama-3.1-8B-Instruct-4bit")


def answer(messages):
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return generate(model, tokenizer, prompt=prompt, max_tokens=256)
