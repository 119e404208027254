# OCR engines whose checkpoints are fine-tunes of Qwen's vision models or use a template of their own without a BOS
# (olmOCR: Qwen 2 VL / 2.5 VL and their ChatML template; dots.ocr: `<|user|>...` turns, no BOS): the processor's
# special tokens add the only BOS there is.
from transformers import AutoModelForImageTextToText, AutoProcessor

DOTS_OCR = "rednote-hilab/dots.ocr"


def dots_ocr(image, prompt, checkpoint=DOTS_OCR):
    processor = AutoProcessor.from_pretrained(checkpoint, trust_remote_code=True)
    model = AutoModelForImageTextToText.from_pretrained(checkpoint, trust_remote_code=True)
    messages = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": prompt}]}]
    text = processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    inputs = processor(text=[text], images=[image], return_tensors="pt")
    return model.generate(**inputs, max_new_tokens=1024)


def olmocr(image, prompt):
    processor = AutoProcessor.from_pretrained("allenai/olmOCR-7B-0225-preview")
    messages = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": prompt}]}]
    text = processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    return processor(text=[text], images=[image], return_tensors="pt")
