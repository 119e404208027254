# The twin of flag_texts_reshaped_for_a_helper.py: the helpers tokenize without special tokens, and one tokenizes
# the answers its reshaping keeps after each prompt's first characters, not the prompts' starts.
from transformers import AutoTokenizer

MODEL = "meta-llama/Llama-3.1-8B-Instruct"


def build_prompt(tokenizer, question):
    messages = [{"role": "user", "content": question}]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def digit_entropy(model, tokenizer, prompts, n_probe=100, batch_size=8):
    probe_prompts = list(prompts)[:n_probe]
    for i in range(0, len(probe_prompts), batch_size):
        batch = [prompt + "0." for prompt in probe_prompts[i : i + batch_size]]
        model(**tokenizer(batch, add_special_tokens=False, return_tensors="pt", padding=True))


def tails(model, tokenizer, prompts, cut):
    model(**tokenizer([prompt[cut:] for prompt in prompts], return_tensors="pt", padding=True))


def main(model, questions):
    tokenizer = AutoTokenizer.from_pretrained(MODEL)
    prompts = [build_prompt(tokenizer, question) for question in questions]
    digit_entropy(model, tokenizer, prompts)
    tails(model, tokenizer, prompts, 12)
