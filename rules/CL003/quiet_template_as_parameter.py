# The same helper with the generation prompt on the prompt render: the header lands on the masked side.


def split_prompt_and_response(row, key="messages", apply_chat_template=None):
    prompt = apply_chat_template(row[key][:-1], tokenize=False, add_generation_prompt=True)
    response = apply_chat_template(row[key], tokenize=False)[len(prompt) :]
    return prompt, response


def build_rows(dataset, tokenizer):
    return [split_prompt_and_response(row, apply_chat_template=tokenizer.apply_chat_template) for row in dataset]
