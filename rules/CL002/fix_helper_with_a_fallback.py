# fix: unsafe
# A helper that tokenizes the text it is given with the processor, and again with the tokenizer when the processor
# rejects images: the fix turns special tokens off in both calls (unsafe: the helper's other callers share it).


def encode_text_and_images(tokenizer, processor, text, images):
    try:
        return dict(processor(text=[text], images=images, return_tensors="pt"))
    except TypeError:
        return dict(tokenizer([text], return_tensors="pt"))


def encode_row(tokenizer, processor, row, images):
    text = processor.apply_chat_template(row["messages"], tokenize=False, add_generation_prompt=True)
    return encode_text_and_images(tokenizer, processor, text, images)  # expect: CL002 "through the helper `encode_text_and_images`"
