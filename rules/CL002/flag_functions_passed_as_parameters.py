# An evaluation loop calls the prompt formatter it is handed; its caller hands it one that renders the chat template
# as text, which the loop tokenizes again with special tokens on.


def format_mcq(tokenizer, question):
    messages = [{"role": "user", "content": question["text"]}]
    return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)


def evaluate(model, tokenizer, questions, formatter):
    scores = []
    for question in questions:
        prompt = formatter(tokenizer, question)
        inputs = tokenizer(prompt, return_tensors="pt")  # expect: CL002 "the function passed as `formatter` to `evaluate`"
        scores.append(model(**inputs).logits[0, -1])
    return scores


def run(model, tokenizer, questions):
    return evaluate(model, tokenizer, questions, formatter=format_mcq)
