# Used only by train_vl.py, which runs Qwen2-VL models (ChatML, no BOS): the processor adds the only one it adds.
from prompts import build_messages, render_full


class PhotoCollator:
    def __init__(self, processor):
        self.processor = processor

    def __call__(self, examples):
        texts = [render_full(self.processor, build_messages(ex)) for ex in examples]
        images = [ex["image"] for ex in examples]
        batch = self.processor(text=texts, images=images, padding=True, return_tensors="pt")
        batch["labels"] = batch["input_ids"].clone()
        return batch
