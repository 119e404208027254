# Helpers defined in each branch of an `if`: none renders a chat template, or the samples are tokenized without
# special tokens; and a helper of an enclosing function that a nested one of the same name hides.


def load_plain(rows, lowercase=False):
    if lowercase:

        def to_text(row):
            return row["text"].lower()

    else:

        def to_text(row):
            return row["text"]

    return [to_text(row) for row in rows]


def plain_batch(rows, tokenizer):
    return tokenizer(load_plain(rows), return_tensors="pt", padding=True)


def load_samples(rows, tokenizer, use_chat_template=False):
    if use_chat_template:

        def to_text(row):
            return tokenizer.apply_chat_template(row["messages"], tokenize=False)

    else:

        def to_text(row):
            return row["text"]

    return tokenizer([to_text(row) for row in rows], add_special_tokens=False, padding=True)


def shadowed(rows, tokenizer):
    def to_text(row):
        return tokenizer.apply_chat_template(row["messages"], tokenize=False)

    def batch():
        def to_text(row):
            return row["text"]

        return tokenizer([to_text(row) for row in rows], padding=True)

    return batch()
