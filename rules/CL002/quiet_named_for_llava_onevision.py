# A model class written for LLaVA-OneVision, whose chat template (ChatML, over Qwen 2) writes no BOS: tokenizing the
# rendered text with special tokens adds none twice.


class LlavaOneVisionChat:
    def __init__(self, processor):
        self.processor = processor

    def prepare(self, conversation, images):
        text = self.processor.apply_chat_template(conversation, add_generation_prompt=True, tokenize=False)
        return self.processor(text=text, images=images, return_tensors="pt")
