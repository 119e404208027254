# A processor's `apply_chat_template` returns text unless it is asked to tokenize (its `tokenize` defaults to False,
# unlike a tokenizer's): the render handed back to the processor gets a second BOS.
from transformers import AutoProcessor


class VisionChat:
    def __init__(self, checkpoint):
        self.processor = AutoProcessor.from_pretrained(checkpoint)

    def prepare(self, conversation, images):
        prompt = self.processor.apply_chat_template(conversation, add_generation_prompt=True)
        return self.processor(images=images, text=prompt, return_tensors="pt")  # expect: CL002 "a processor's render, which returns text by default"
