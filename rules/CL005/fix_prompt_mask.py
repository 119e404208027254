def build(example, tokenizer):
    prompt_ids = tokenizer.apply_chat_template(example["messages"][:-1], add_generation_prompt=True)
    input_ids = tokenizer.apply_chat_template(
        example["messages"],
        add_generation_prompt=False,
    )
    labels = [-100] * len(prompt_ids) + input_ids[len(prompt_ids):]
    return {"input_ids": input_ids, "labels": labels}
