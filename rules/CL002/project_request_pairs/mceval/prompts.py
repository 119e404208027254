# Chat prompts for multiple-choice questions.


def question_text(doc, letters):
    options = "\n".join(f"{letter}. {choice}" for letter, choice in zip(letters, doc["choices"]))
    return f"{doc['question']}\n\n{options}\n\nAnswer:"


def render_context(tokenizer, doc, letters):
    messages = [{"role": "user", "content": question_text(doc, letters)}]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
