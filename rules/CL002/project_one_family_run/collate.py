# Batches of captioned photos: rendered, then tokenized by the processor with its special tokens. The project's
# model is Qwen2.5-VL (`modeling.py`), whose template writes no BOS.
from chat_format import render, to_messages


class CaptionCollator:
    def __init__(self, processor):
        self.processor = processor

    def __call__(self, examples):
        texts = [render(self.processor, to_messages(ex["question"], ex["answer"])) for ex in examples]
        batch = self.processor(text=texts, images=[[ex["image"]] for ex in examples], padding=True, return_tensors="pt")
        labels = batch["input_ids"].clone()
        labels[batch["attention_mask"] == 0] = -100
        batch["labels"] = labels
        return batch
