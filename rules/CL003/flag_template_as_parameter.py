# The template method handed in as an argument (`apply_chat_template=tokenizer.apply_chat_template`), as some
# training libraries' dataset helpers take it.


def split_prompt_and_response(row, key="messages", apply_chat_template=None):
    prompt = apply_chat_template(row[key][:-1], tokenize=False)  # expect: CL003 "without `add_generation_prompt=True` through the parameter `apply_chat_template`"
    response = apply_chat_template(row[key], tokenize=False)[len(prompt) :]
    return prompt, response


def build_rows(dataset, tokenizer):
    return [split_prompt_and_response(row, apply_chat_template=tokenizer.apply_chat_template) for row in dataset]
