# The twin of quiet_family_by_imports.py importing a family whose template writes a BOS as well: the module is not
# for a BOS-free family alone.
from qwen_vl_utils import process_vision_info
from transformers import AutoProcessor, MllamaForConditionalGeneration, Qwen2_5_VLForConditionalGeneration


class VisionEvaluator:
    def __init__(self, model_path, mllama=False):
        model_class = MllamaForConditionalGeneration if mllama else Qwen2_5_VLForConditionalGeneration
        self.model = model_class.from_pretrained(model_path)
        self.processor = AutoProcessor.from_pretrained(model_path)

    def inputs(self, messages):
        text = self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        images, videos = process_vision_info(messages)
        return self.processor(text=[text], images=images, videos=videos, return_tensors="pt")  # expect: CL002 "for chat templates that begin with one"
