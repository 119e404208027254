# A helper that tokenizes the texts it is given after reshaping them (a copy, a first slice, a chunk from where the
# last one ended, each text with an answer's start appended): the texts still start where the renders started, and
# the callers that hand it rendered prompts double the BOS.
from transformers import AutoTokenizer

MODEL = "meta-llama/Llama-3.1-8B-Instruct"


def build_prompt(tokenizer, question):
    messages = [{"role": "user", "content": question}]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def digit_entropy(model, tokenizer, prompts, n_probe=100, batch_size=8):
    probe_prompts = list(prompts)[:n_probe]
    for i in range(0, len(probe_prompts), batch_size):
        batch = [prompt + "0." for prompt in probe_prompts[i : i + batch_size]]
        model(**tokenizer(batch, return_tensors="pt", padding=True))


def generate_in_chunks(model, tokenizer, prompts, chunk_size):
    start = 0
    while start < len(prompts):
        chunk = prompts[start : start + chunk_size]
        model.generate(**tokenizer(chunk, return_tensors="pt", padding=True))
        start += len(chunk)


def main(model, questions):
    tokenizer = AutoTokenizer.from_pretrained(MODEL)
    prompts = [build_prompt(tokenizer, question) for question in questions]
    digit_entropy(model, tokenizer, prompts)  # expect: CL002 "returned by `build_prompt`"
    generate_in_chunks(model, tokenizer, prompts, 16)  # expect: CL002 "returned by `build_prompt`"
