# The processor is called on the rendered prompts only for the image features: the ids (with their second BOS) are
# dropped, and the model gets the ids the trainer tokenized without special tokens.
def image_features(processor, prompts, images, prepare):
    texts = [processor.apply_chat_template(prompt, tokenize=False, add_generation_prompt=True) for prompt in prompts]
    inputs = processor(images=images, text=texts, padding=True, return_tensors="pt")
    inputs = prepare(inputs)
    return {key: value for key, value in inputs.items() if key not in ["input_ids", "attention_mask"]}


def pixel_values(processor, prompt, image):
    text = processor.apply_chat_template(prompt, tokenize=False, add_generation_prompt=True)
    encoded = processor(images=[image], text=[text], return_tensors="pt")
    return encoded["pixel_values"], encoded.image_grid_thw
