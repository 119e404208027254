# Collate functions written for one model family whose chat template writes no BOS (Qwen's ChatML): tokenizing the
# render with special tokens adds nothing at the start.
def qwen2_5_collate_fn(examples, processor):
    texts = [processor.apply_chat_template(example["conversation"], tokenize=False) for example in examples]
    return processor(text=texts, padding=True, return_tensors="pt")


class Qwen2VLDataCollator:
    def __init__(self, processor):
        self.processor = processor

    def __call__(self, examples):
        texts = [self.processor.apply_chat_template(example["messages"], tokenize=False) for example in examples]
        return self.processor(text=texts, padding=True, return_tensors="pt")
