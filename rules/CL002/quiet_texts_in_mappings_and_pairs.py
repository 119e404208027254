# Mappings and pairs that keep the BOS single: the mapping turns special tokens off, the pairs' other element is
# what is tokenized, or the mapping's text is not a render.


def vision_batch(rows, tokenizer, processor):
    pairs = []
    for row in rows:
        prompt = tokenizer.apply_chat_template(row["messages"], tokenize=False, add_generation_prompt=True)
        pairs.append((prompt, row["image"]))
    prompts, images = zip(*pairs)
    inputs = {"text": list(prompts), "images": list(images), "add_special_tokens": False, "return_tensors": "pt"}
    return processor(**inputs)


def captions(rows, tokenizer, processor):
    pairs = []
    for row in rows:
        prompt = tokenizer.apply_chat_template(row["messages"], tokenize=False)
        pairs.append((prompt, row["caption"]))
    prompts, texts = zip(*pairs)
    return processor(**{"text": list(texts), "return_tensors": "pt"}), prompts


def plain(rows, tokenizer):
    inputs = {"text": [row["text"] for row in rows], "padding": True}
    return tokenizer(**inputs)


def scored_batches(tokenizer, model, conversations, batch_size=8):
    # a slice of the pairs keeps them: here the element tokenized is the plain reference, not the render
    prepared = []
    for messages in conversations:
        text = tokenizer.apply_chat_template(messages, tokenize=False)
        prepared.append((text, messages[-1]["content"]))
    batch = prepared[:batch_size]
    references = [reference for _, reference in batch]
    model(**tokenizer(references, return_tensors="pt", padding=True))
