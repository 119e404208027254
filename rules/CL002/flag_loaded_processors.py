# A processor known by what loads it, not by its name: `self._vision = AutoProcessor.from_pretrained(...)` tokenizes
# the text it is given with special tokens on, like any processor.
from transformers import AutoProcessor, LlavaProcessor


class VisionChat:
    def __init__(self, path):
        self._vision = AutoProcessor.from_pretrained(path)
        self.loaded = LlavaProcessor.from_pretrained(path)

    def inputs(self, messages, images):
        text = self._vision.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self._vision(images=images, text=text, return_tensors="pt")  # expect: CL002 "`text` is rendered by"

    def batch(self, conversations, images):
        texts = [self.loaded.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
        return self.loaded(text=texts, images=images, padding=True)  # expect: CL002 "holds texts rendered by"
