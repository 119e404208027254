# A module that binds one BOS-free family's model classes at its top through an import helper of its own, and
# loads that family's processor beside a fine-tuned checkpoint whose name says nothing: written for Qwen's VL
# models, whose ChatML template writes no BOS.
import importlib

from transformers import AutoProcessor


def lazy_import(module, name):
    try:
        return getattr(importlib.import_module(module), name), True
    except (ImportError, AttributeError):
        return None, False


Qwen2_5_VLForConditionalGeneration, HAS_QWEN = lazy_import("transformers", "Qwen2_5_VLForConditionalGeneration")


class VideoCaptioner:
    def __init__(self, pretrained: str = "acme-lab/video-captioner-7b"):
        self.model = Qwen2_5_VLForConditionalGeneration.from_pretrained(pretrained)
        self.processor = AutoProcessor.from_pretrained("Qwen/Qwen2.5-VL-7B-Instruct")

    def inputs(self, messages, videos):
        text = self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.processor(text=[text], videos=videos, return_tensors="pt")
