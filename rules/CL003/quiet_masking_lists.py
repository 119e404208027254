

def tokenize_by_position(example, tokenizer):
    # the prompt rendered with the generation prompt; and a comparison of positions with another length
    messages = example["messages"]
    input_ids = tokenizer.apply_chat_template(messages, return_dict=False)
    prompt_len = len(tokenizer.apply_chat_template(messages[:-1], add_generation_prompt=True, return_dict=False))
    labels = [-100 if i < prompt_len else token for i, token in enumerate(input_ids)]
    history = len(tokenizer.apply_chat_template(messages[:-1], return_dict=False))
    weights = [0.5 if i < history else 1.0 for i, _ in enumerate(input_ids)]
    return {"input_ids": input_ids, "labels": labels, "weights": weights}
