# An evaluation wrapper that keeps its checkpoint in `self.pretrained` (a Llama 3 model by default) and loads it later:
# its template writes a BOS, and the processor adds another.
from transformers import AutoModelForImageTextToText, AutoProcessor


class VisionEval:
    def __init__(self, pretrained: str = "meta-llama/Llama-3.2-11B-Vision-Instruct", batch_size: int = 1):
        self.pretrained = pretrained
        self.batch_size = batch_size

    def load(self):
        self.model = AutoModelForImageTextToText.from_pretrained(self.pretrained)
        self.processor = AutoProcessor.from_pretrained(self.pretrained)

    def inputs(self, messages, images):
        text = self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.processor(text=[text], images=images, return_tensors="pt")  # expect: CL002 "(the Llama 3 chat template writes one)"
