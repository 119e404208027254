# versions: transformers>=4.40; mlx-lm>=0.32
# An MLX project: its tokenizers come from `mlx_lm.load`, whose `TokenizerWrapper` passes `return_dict=False`
# itself, so `apply_chat_template` returns a list of ids under transformers 5 too.
def build(example, tokenizer):
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], add_generation_prompt=True)
    input_ids = tokenizer.apply_chat_template(example["messages"])
    labels = [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]
    return {"input_ids": input_ids, "labels": labels}
