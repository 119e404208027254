# versions: transformers>=4.40; mlx-lm>=0.19
# mlx-lm releases before 0.30 hand the call on as it is: under transformers 5 the result is a `BatchEncoding`.
def build(example, tokenizer):
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], add_generation_prompt=True)  # expect: CL005 "`len(prompt_ids)`"
    return [-100] * len(prompt_ids)
