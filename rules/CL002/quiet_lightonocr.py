# LightOnOCR checkpoints pair a Pixtral vision encoder with a Qwen 3 language model and its tokenizer, which has no
# BOS: the processor's special tokens add the only one there is.
from transformers import AutoProcessor


def lightonocr(image, prompt, checkpoint="lightonai/LightOnOCR-2-1B"):
    processor = AutoProcessor.from_pretrained(checkpoint)
    messages = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": prompt}]}]
    text = processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return processor(text=[text], images=[image], return_tensors="pt")
