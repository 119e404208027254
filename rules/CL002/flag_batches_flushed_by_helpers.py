# Renders gathered into a batch of tuples that a helper tokenizes one element of: a nested `_flush(buf)` reading
# `[item[2] for item in buf]`, or a module helper reading `[prompt for _, prompt in pairs]`.
def score(tokenizer, model, samples, batch_size=8):
    pending = []

    def _flush(buf):
        prompts = [item[2] for item in buf]
        batch = tokenizer(prompts, return_tensors="pt", padding=True)
        return model(**batch).logits

    for sample in samples:
        prompt = tokenizer.apply_chat_template(sample["messages"], tokenize=False, add_generation_prompt=True)
        pending.append((sample["id"], sample["answer"], prompt))
        if len(pending) >= batch_size:
            _flush(pending)  # expect: CL002 "through the helper `score._flush`"
            pending = []
    _flush(pending)  # expect: CL002 "through the helper `score._flush`"


def encode_pairs(tokenizer, pairs):
    texts = [prompt for _, prompt in pairs]
    return tokenizer(texts, padding=True, return_tensors="pt")


def probe(tokenizer, rows):
    pairs = []
    for row in rows:
        pairs.append((row["label"], tokenizer.apply_chat_template(row["messages"], tokenize=False)))
    return encode_pairs(tokenizer, pairs)  # expect: CL002 "through the helper `encode_pairs`"
