# A module of per-model runner classes: its imports name Qwen's models only, but one class is for Mistral 3, whose
# template writes a BOS that the processor adds again. The Qwen runner (ChatML, no BOS) stays quiet.
from transformers.models.qwen2_vl.modeling_qwen2_vl import Qwen2VLModel


class QwenVLRunner:
    model_class = Qwen2VLModel

    def preprocess(self, processor, conversation, image):
        prompt = processor.apply_chat_template(conversation, add_generation_prompt=True, tokenize=False)
        return processor(images=image, text=prompt, return_tensors="pt")


class Mistral3VisionRunner:
    def preprocess(self, processor, conversation, image):
        prompt = processor.apply_chat_template(conversation, add_generation_prompt=True, tokenize=False)
        return processor(images=image, text=prompt, return_tensors="pt")  # expect: CL002 "`prompt` is rendered by `processor.apply_chat_template(..., tokenize=False)`"
