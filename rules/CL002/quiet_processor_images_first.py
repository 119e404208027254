# The twins: the processor called with its images first and special tokens off, and a processor whose first
# argument is the text (a caption tokenized with its image, no render).
from transformers import AutoProcessor

processor = AutoProcessor.from_pretrained("meta-llama/Llama-3.2-11B-Vision-Instruct")


def prepare(images, question):
    messages = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": question}]}]
    input_text = processor.tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
    return processor(images, input_text, add_special_tokens=False, return_tensors="pt")


def caption_batch(captions, images):
    return processor(captions, images, return_tensors="pt")
