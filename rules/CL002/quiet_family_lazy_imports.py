# A wrapper for one Qwen-based model that imports its model and processor classes lazily, inside `__init__`: the
# classes it loads name the family, whose ChatML template writes no BOS.


class OmniModel:
    def __init__(self, pretrained):
        try:
            from omni.model.modeling import GrinQwen2VLForConditionalGeneration
            from omni.model.processing_qwen2_vl import Qwen2VLProcessor
        except ImportError as error:
            raise ImportError("install the omni package") from error
        self.processor = Qwen2VLProcessor.from_pretrained(pretrained)
        self.model = GrinQwen2VLForConditionalGeneration.from_pretrained(pretrained)

    def inputs(self, messages, images):
        prompt = self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.processor(text=prompt, images=images, return_tensors="pt")
