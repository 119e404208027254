# The processor's output is handed on whole, or its ids are kept beside the image features: the second BOS is in
# what the model reads.
def model_inputs(processor, prompts, images, prepare):
    texts = [processor.apply_chat_template(prompt, tokenize=False, add_generation_prompt=True) for prompt in prompts]
    inputs = processor(images=images, text=texts, padding=True, return_tensors="pt")  # expect: CL002 "tokenizing them again with"
    inputs = prepare(inputs)
    return {key: value for key, value in inputs.items() if key != "attention_mask"}


def pixel_values_and_ids(processor, prompt, image):
    text = processor.apply_chat_template(prompt, tokenize=False, add_generation_prompt=True)
    encoded = processor(images=[image], text=[text], return_tensors="pt")  # expect: CL002 "tokenizing them again with"
    return encoded["pixel_values"], encoded["input_ids"]
