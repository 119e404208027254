# Batches of tuples a helper tokenizes one element of, left alone: the element tokenized is not the render, the
# helper turns special tokens off, and a function of the same name nested elsewhere is not the one called.
def score(tokenizer, model, samples, batch_size=8):
    pending = []

    def _flush(buf):
        prompts = [item[2] for item in buf]
        batch = tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False)
        return model(**batch).logits

    for sample in samples:
        prompt = tokenizer.apply_chat_template(sample["messages"], tokenize=False, add_generation_prompt=True)
        pending.append((sample["id"], sample["answer"], prompt))
    _flush(pending)


def encode_labels(tokenizer, pairs):
    texts = [label for label, _ in pairs]
    return tokenizer(texts, padding=True, return_tensors="pt")


def probe(tokenizer, rows):
    pairs = []
    for row in rows:
        pairs.append((row["label"], tokenizer.apply_chat_template(row["messages"], tokenize=False)))
    return encode_labels(tokenizer, pairs)


def plain(tokenizer, model, documents):
    def _flush(docs):
        return model(**tokenizer(list(docs), return_tensors="pt", padding=True))

    return _flush(documents)


def rendered(tokenizer, model, conversations):
    def _flush(buf):
        return model(**tokenizer(list(buf), return_tensors="pt", padding=True, add_special_tokens=False))

    texts = [tokenizer.apply_chat_template(c, tokenize=False) for c in conversations]
    return _flush(texts)
