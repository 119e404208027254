# The twin of quiet_function_of_one_family.py whose Qwen-VL import is in another method (a helper for Qwen's video
# inputs): the method that tokenizes is for whatever checkpoint the adapter is given, and with a Llama 3.2 Vision or
# Gemma 3 processor the rendered text gets a second BOS.
import torch
from transformers import AutoProcessor


class GeoAdapter:
    def __init__(self, checkpoint):
        self.processor = AutoProcessor.from_pretrained(checkpoint)

    def video_inputs(self, messages):
        from qwen_vl_utils import process_vision_info

        return process_vision_info(messages)

    def chat_generate(self, model, messages, images):
        text = self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        inputs = self.processor(text=[text], images=images, return_tensors="pt")  # expect: CL002 "for chat templates that begin with one"
        with torch.no_grad():
            return model.generate(**inputs, max_new_tokens=256)
