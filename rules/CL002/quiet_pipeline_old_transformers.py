# versions: transformers>=4.38,<4.43
# Before transformers 4.43 a `text-generation` pipeline tokenized a text prompt with `add_special_tokens=False`: a
# project that keeps transformers there hands the pipeline a rendered prompt safely (nothing is said).
from transformers import AutoTokenizer, pipeline

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Meta-Llama-3-8B-Instruct")
generator = pipeline("text-generation", model="meta-llama/Meta-Llama-3-8B-Instruct", tokenizer=tokenizer)


def reply(messages):
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return generator(prompt, max_new_tokens=128, return_full_text=False)[0]["generated_text"]
