# Renders each conversation to text in a column of the dataset row; another module tokenizes that column.


def to_text(example, tokenizer):
    return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False)}


def to_prompt(example, tokenizer):
    prompt = tokenizer.apply_chat_template(example["messages"][:-1], tokenize=False, add_generation_prompt=True)
    return prompt
