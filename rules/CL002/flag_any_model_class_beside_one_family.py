# The twin of quiet_family_by_imports.py that also loads any other model with an `Auto*` class: the module is not for
# Qwen's VL models alone, so a model whose template writes a BOS gets two.
from transformers import AutoModelForImageTextToText, AutoProcessor, Qwen2_5_VLForConditionalGeneration


class VisionBackend:
    def __init__(self, model_path, model_type):
        if model_type == "qwen2_5_vl":
            self.model = Qwen2_5_VLForConditionalGeneration.from_pretrained(model_path)
        else:
            self.model = AutoModelForImageTextToText.from_pretrained(model_path)
        self.processor = AutoProcessor.from_pretrained(model_path)

    def inputs(self, messages, images):
        text = self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.processor(text=[text], images=images, return_tensors="pt")  # expect: CL002 "for chat templates that begin with one"
