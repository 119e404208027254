# Used by train_any.py, which loads any vision-language model: a template that writes a BOS gets a second one here.
from prompts import build_messages, render_full


class AnyCollator:
    def __init__(self, processor):
        self.processor = processor

    def __call__(self, examples):
        texts = [render_full(self.processor, build_messages(ex)) for ex in examples]
        images = [ex["image"] for ex in examples]
        batch = self.processor(text=texts, images=images, padding=True, return_tensors="pt")  # expect: CL002 "`render_full`"
        batch["labels"] = batch["input_ids"].clone()
        return batch
