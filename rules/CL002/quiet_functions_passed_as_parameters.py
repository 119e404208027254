# The twins: the formatter handed in writes plain text; the loop that is handed the chat formatter tokenizes
# without special tokens.


def format_mcq(tokenizer, question):
    messages = [{"role": "user", "content": question["text"]}]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def format_plain(tokenizer, question):
    return f"Question: {question['text']}\nAnswer:"


def evaluate(model, tokenizer, questions, formatter):
    return [model(**tokenizer(formatter(tokenizer, q), return_tensors="pt")).logits[0, -1] for q in questions]


def evaluate_templated(model, tokenizer, questions, formatter):
    prompts = [formatter(tokenizer, q) for q in questions]
    return [model(**tokenizer(p, return_tensors="pt", add_special_tokens=False)).logits[0, -1] for p in prompts]


def run(model, tokenizer, questions):
    plain = evaluate(model, tokenizer, questions, formatter=format_plain)
    return plain, evaluate_templated(model, tokenizer, questions, format_mcq)
