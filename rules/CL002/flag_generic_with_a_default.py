# A reusable class whose checkpoint parameter has a Qwen model written as its default: callers pass any checkpoint
# (the default suggests one, it does not limit the class to it), and with a Llama 3 or Gemma model the processor
# adds a second BOS to the rendered text. A default that writes a BOS shows the default run doubles it.
from transformers import AutoModelForImageTextToText, AutoProcessor


class VisionModel:
    def __init__(self, pretrained: str = "Qwen/Qwen2.5-VL-7B-Instruct", device: str = "cuda"):
        self.model = AutoModelForImageTextToText.from_pretrained(pretrained).to(device)
        self.processor = AutoProcessor.from_pretrained(pretrained)

    def prepare(self, messages, images):
        text = self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.processor(text=[text], images=images, return_tensors="pt")  # expect: CL002 "for chat templates that begin with one"
