# versions: transformers>=4.40,<4.46
# The twin of quiet_pipeline_old_transformers.py: the range allows transformers 4.43 and later, whose
# `text-generation` pipeline leaves `add_special_tokens` to the tokenizer's default, so a rendered prompt gets a
# second BOS.
from transformers import AutoTokenizer, pipeline

tokenizer = AutoTokenizer.from_pretrained("meta-llama/Meta-Llama-3-8B-Instruct")
generator = pipeline("text-generation", model="meta-llama/Meta-Llama-3-8B-Instruct", tokenizer=tokenizer)


def reply(messages):
    prompt = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return generator(prompt, max_new_tokens=128, return_full_text=False)[0]["generated_text"]  # expect: CL002 "`text-generation` pipeline"
