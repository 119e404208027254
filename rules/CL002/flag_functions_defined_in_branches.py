# A helper defined in each branch of an `if` (the chat format's and the plain format's), called after: the samples
# it returns are rendered on one path, and tokenizing them with special tokens doubles the BOS there.


def load_samples(rows, tokenizer, use_chat_template=False):
    if use_chat_template:

        def to_text(row):
            return tokenizer.apply_chat_template(row["messages"], tokenize=False)

    else:

        def to_text(row):
            return row["text"]

    samples = []
    for row in rows:
        samples.append(to_text(row))
    return samples


def calibration_batch(rows, tokenizer):
    samples = load_samples(rows, tokenizer, use_chat_template=True)
    return tokenizer(samples, return_tensors="pt", padding=True)  # expect: CL002 "on at least one path"
