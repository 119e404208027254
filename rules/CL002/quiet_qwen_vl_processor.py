# A module written for one model family (its file is named for Qwen-VL): Qwen's ChatML template writes no BOS, so
# tokenizing the render with special tokens adds nothing at the start.
class Processor:
    def __init__(self, processor):
        self.processor = processor

    def __call__(self, conversation, images):
        text = self.processor.apply_chat_template(conversation, tokenize=False)
        return self.processor(text=[text], images=images, return_tensors="pt")
