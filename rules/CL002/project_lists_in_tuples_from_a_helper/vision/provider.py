from transformers import AutoModelForImageTextToText, AutoProcessor

from .inputs import prepare_captions, prepare_vision_inputs

MODEL = "google/gemma-3-4b-it"


class GemmaVisionProvider:
    def __init__(self):
        self.processor = AutoProcessor.from_pretrained(MODEL)
        self.model = AutoModelForImageTextToText.from_pretrained(MODEL)

    def generate(self, conversations):
        images, texts = prepare_vision_inputs(self.processor, conversations)
        inputs = self.processor(text=texts, images=images, padding=True, return_tensors="pt")  # expect: CL002 "returned by `prepare_vision_inputs`"
        return self.model.generate(**inputs, max_new_tokens=256)

    def caption_inputs(self, records):
        images, captions = prepare_captions(records)
        return self.processor(text=captions, images=images, padding=True, return_tensors="pt")
