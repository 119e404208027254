# The same helper for Gemma 3, whose template writes the BOS the processor adds again.
from transformers import AutoProcessor


def lazy_class(name):
    import transformers

    return getattr(transformers, name)


class VisionCoder:
    def __init__(self, path):
        Gemma3ForConditionalGeneration = lazy_class("Gemma3ForConditionalGeneration")
        self.model = Gemma3ForConditionalGeneration.from_pretrained(path)
        self.processor = AutoProcessor.from_pretrained(path)

    def describe(self, image, question):
        messages = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": question}]}]
        text = self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        inputs = self.processor(text=[text], images=[image], return_tensors="pt")  # expect: CL002 "`[text]` holds texts rendered by"
        return self.model.generate(**inputs)
