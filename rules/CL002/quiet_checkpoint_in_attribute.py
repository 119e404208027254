# An evaluation wrapper that keeps its checkpoint in `self.pretrained` (the module's Qwen model, a constant it sets
# itself, not a default its users may replace) and loads it later: Qwen's ChatML template writes no BOS.
from transformers import AutoModelForImageTextToText, AutoProcessor

CHECKPOINT = "Qwen/Qwen2.5-VL-3B-Instruct"


class VisionEval:
    def __init__(self, batch_size: int = 1):
        self.pretrained = CHECKPOINT
        self.batch_size = batch_size

    def load(self):
        self.model = AutoModelForImageTextToText.from_pretrained(self.pretrained)
        self.processor = AutoProcessor.from_pretrained(self.pretrained)

    def inputs(self, messages, images):
        text = self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.processor(text=[text], images=images, return_tensors="pt")
