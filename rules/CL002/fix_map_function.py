def tokenize_example(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return tokenizer(
        text,
        truncation=True,
        max_length=2048,
    )


def tokenize_batch(examples, tokenizer):
    texts = [tokenizer.apply_chat_template(messages, tokenize=False) for messages in examples["messages"]]
    return tokenizer(texts, truncation=True)


def tokenize_true(example, tokenizer):
    text = tokenizer.apply_chat_template(example["messages"], tokenize=False)
    return tokenizer.encode(text, add_special_tokens=True)
