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
