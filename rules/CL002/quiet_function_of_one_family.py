# An adapter method written for Qwen's vision models: it imports `qwen_vl_utils` (a library of Qwen-VL's own) where
# it renders and tokenizes (or in the function it is defined in), whatever checkpoint the adapter is given. Qwen's
# ChatML template writes no BOS.
import torch
from transformers import AutoProcessor


class GeoAdapter:
    def __init__(self, checkpoint):
        self.processor = AutoProcessor.from_pretrained(checkpoint)

    def chat_generate(self, model, messages):
        from qwen_vl_utils import process_vision_info

        text = self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        images, videos = process_vision_info(messages)
        inputs = self.processor(text=[text], images=images, videos=videos, return_tensors="pt")
        with torch.no_grad():
            return model.generate(**inputs, max_new_tokens=256)


def preprocess(samples, checkpoint):
    # a function defined in the one that imports the library: written for the same models
    from qwen_vl_utils import process_vision_info

    processor = AutoProcessor.from_pretrained(checkpoint)

    def prepare(sample):
        text = processor.apply_chat_template(sample["messages"], tokenize=False)
        images, _ = process_vision_info(sample["messages"])
        return processor(text=[text], images=images, return_tensors="pt")

    return [prepare(sample) for sample in samples]
