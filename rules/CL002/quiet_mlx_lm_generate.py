# versions: mlx-lm>=0.14
# From 0.21 mlx-lm's `generate` leaves off the BOS a text prompt starts with: a lower bound alone installs those
# releases (nothing is said); ids are passed as they are.
from mlx_lm import generate, load

model, tokenizer = load("mlx-community/Meta-Llama-3.1-8B-Instruct-4bit")


def answer(messages):
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return generate(model, tokenizer, prompt=prompt, max_tokens=256)


def answer_ids(messages):
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_dict=False)
    return generate(model, tokenizer, prompt=ids, max_tokens=256)
