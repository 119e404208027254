# versions: mlx-lm>=0.14,<0.21
# mlx-lm's `generate` and `stream_generate` encode a text prompt with special tokens on before 0.21: a prompt
# rendered with `tokenize=False` gets a second BOS.
from mlx_lm import generate, load
from mlx_lm.utils import stream_generate as lm_stream_generate

model, tokenizer = load("mlx-community/Meta-Llama-3.1-8B-Instruct-4bit")


def answer(messages):
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return generate(model, tokenizer, prompt=prompt, max_tokens=256)  # expect: CL002 "mlx-lm's `generate` (before 0.21)"


def stream(messages):
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    for token in lm_stream_generate(model, tokenizer, prompt, max_tokens=256):  # expect: CL002 "keeps mlx-lm before 0.21"
        yield token
