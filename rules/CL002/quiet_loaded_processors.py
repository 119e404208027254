# Image processors and feature extractors take no text; a loaded processor told not to add special tokens adds none.
from transformers import AutoFeatureExtractor, AutoImageProcessor, AutoProcessor


class VisionChat:
    def __init__(self, path):
        self._pixels = AutoImageProcessor.from_pretrained(path)
        self._audio = AutoFeatureExtractor.from_pretrained(path)
        self._vision = AutoProcessor.from_pretrained(path)

    def inputs(self, messages, images):
        text = self._vision.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        pixels = self._pixels(images, return_tensors="pt")
        return self._vision(images=images, text=text, add_special_tokens=False), pixels

    def audio(self, messages, waveform):
        text = self._vision.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        features = self._audio(waveform, sampling_rate=16000)
        return text, features


class Sampler:
    # processors that take no text under a role's name: an image processor and a logits processor
    def __init__(self, teacher_image_processor, repetition_logits_processor):
        self.teacher_image_processor = teacher_image_processor
        self.repetition_logits_processor = repetition_logits_processor

    def inputs(self, tokenizer, messages, images, scores, ids):
        text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        pixels = self.teacher_image_processor(images, return_tensors="pt")
        scores = self.repetition_logits_processor(ids, scores)
        return text, pixels, scores
