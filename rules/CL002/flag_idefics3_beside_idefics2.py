# Idefics3 (Llama 3 inside) writes `<|begin_of_text|>` in its template, unlike Idefics2: a module that may load
# either is not for a BOS-free family alone.
from transformers import AutoProcessor, Idefics2ForConditionalGeneration, Idefics3ForConditionalGeneration


class VisionChat:
    def __init__(self, model_path, version=3):
        model_class = Idefics3ForConditionalGeneration if version == 3 else Idefics2ForConditionalGeneration
        self.model = model_class.from_pretrained(model_path)
        self.processor = AutoProcessor.from_pretrained(model_path)

    def inputs(self, messages, images):
        text = self.processor.apply_chat_template(messages, add_generation_prompt=True)
        return self.processor(text=[text], images=images, return_tensors="pt")  # expect: CL002 "for chat templates that begin with one"
