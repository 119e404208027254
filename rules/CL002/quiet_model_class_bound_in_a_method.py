# A vision helper that binds its model class in a method, by name (imported lazily through a helper of the
# project): a Qwen 2.5-VL model, whose ChatML template writes no BOS, so the processor's second pass adds none.
from transformers import AutoProcessor


def lazy_class(name):
    import transformers

    return getattr(transformers, name)


class VisionCoder:
    def __init__(self, path):
        Qwen2_5_VLForConditionalGeneration = lazy_class("Qwen2_5_VLForConditionalGeneration")
        self.model = Qwen2_5_VLForConditionalGeneration.from_pretrained(path)
        self.processor = AutoProcessor.from_pretrained(path)

    def describe(self, image, question):
        messages = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": question}]}]
        text = self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        inputs = self.processor(text=[text], images=[image], return_tensors="pt")
        return self.model.generate(**inputs)
