# Rendered prompts reach the processor in a mapping spread into the call (`processor(**inputs)`), or in pairs with
# their images, taken apart again with `zip(*pairs)`.


def vision_batch(rows, tokenizer, processor):
    pairs = []
    for row in rows:
        prompt = tokenizer.apply_chat_template(row["messages"], tokenize=False, add_generation_prompt=True)
        pairs.append((prompt, row["image"]))
    prompts, images = zip(*pairs)
    inputs = {"text": list(prompts), "images": list(images), "return_tensors": "pt", "padding": True}
    return processor(**inputs)  # expect: CL002 "`list(prompts)` holds texts"


def text_batch(rows, tokenizer):
    prompts = [tokenizer.apply_chat_template(row["messages"], tokenize=False) for row in rows]
    return tokenizer(**dict(text=prompts, padding=True))  # expect: CL002 "`prompts` holds texts"


def scored_batches(tokenizer, model, conversations, batch_size=8):
    # pairs of a render and where its completion starts, cut into batches by slicing the list
    prepared = []
    for messages in conversations:
        text = tokenizer.apply_chat_template(messages, tokenize=False)
        prepared.append((text, len(messages)))
    start = 0
    while start < len(prepared):
        batch = prepared[start : start + batch_size]
        texts = [text for text, _ in batch]
        encoded = tokenizer(texts, return_tensors="pt", padding=True)  # expect: CL002 "`texts` holds texts"
        model(**encoded)
        start += batch_size
