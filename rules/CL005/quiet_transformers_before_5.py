# versions: transformers>=4.40,<5
# The project cannot run with transformers 5: apply_chat_template returns a list of ids there.
def build(example, tokenizer):
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], add_generation_prompt=True)
    input_ids = tokenizer.apply_chat_template(example["messages"])
    labels = [-100] * len(prompt_ids) + input_ids[len(prompt_ids) :]
    return {"input_ids": input_ids, "labels": labels}
