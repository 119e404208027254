# Row formatters: the chat ones render the conversation into `text`; the others copy plain text.


def chat_text(example, tokenizer):
    return {"text": tokenizer.apply_chat_template(example["messages"], tokenize=False)}


def plain_text(example, tokenizer):
    return {"text": example["document"]}


def titled_text(example, tokenizer):
    return {"text": example["title"] + "\n\n" + example["document"]}
