# A module whose model classes and helpers are one family's only, and that names no checkpoint: written for Qwen's
# VL models, whose ChatML template writes no BOS.
from qwen_vl_utils import process_vision_info
from transformers import AutoProcessor, Qwen2_5_VLForConditionalGeneration


class VisionEvaluator:
    def __init__(self, model_path):
        self.model = Qwen2_5_VLForConditionalGeneration.from_pretrained(model_path)
        self.processor = AutoProcessor.from_pretrained(model_path)

    def inputs(self, messages):
        text = self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        images, videos = process_vision_info(messages)
        return self.processor(text=[text], images=images, videos=videos, return_tensors="pt")


# A backend's generic model class (`OVModelForCausalLM`, like an `Auto*` class) names no family of its own: the
# module's Qwen imports still decide.
from optimum.intel.openvino import OVModelForCausalLM  # noqa: E402
from transformers import Qwen2VLForConditionalGeneration  # noqa: E402

BACKENDS = (OVModelForCausalLM, Qwen2VLForConditionalGeneration)


def qwen_inputs(processor, conversation, image):
    prompt = processor.apply_chat_template(conversation, add_generation_prompt=True, tokenize=False)
    return processor(text=prompt, images=image, return_tensors="pt")
