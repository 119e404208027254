# A helper that hands the processor its caller's keywords: each call site decides `add_special_tokens`.


def prepare_inputs(processor, image, prompt_text, device, **processor_kwargs):
    batch = processor(images=image, text=prompt_text, return_tensors="pt", **processor_kwargs)
    return {key: value.to(device) for key, value in batch.items()}
