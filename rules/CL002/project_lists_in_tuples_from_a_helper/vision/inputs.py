def prepare_vision_inputs(processor, conversations):
    images, texts = [], []
    for messages in conversations:
        images.append([item["image"] for turn in messages for item in turn["content"] if item["type"] == "image"])
        text = processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True).strip()
        texts.append(text)
    return images, texts


def prepare_captions(records):
    images, captions = [], []
    for record in records:
        images.append([record["image"]])
        captions.append(record["caption"])
    return images, captions
