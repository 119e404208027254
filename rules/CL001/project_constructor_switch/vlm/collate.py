class VisionChatCollator:
    def __init__(self, processor, max_length=2048, append_assistant_header=False):
        self.processor = processor
        self.max_length = max_length
        self.append_assistant_header = append_assistant_header

    def __call__(self, examples):
        texts = [
            self.processor.apply_chat_template(  # expect: CL001 "(set by `True` passed for `append_assistant_header` by `VisionChatCollator(...)` (vlm/train.py:11))"
                ex["messages"], tokenize=False, add_generation_prompt=self.append_assistant_header
            )
            for ex in examples
        ]
        batch = self.processor(text=texts, images=[ex["images"] for ex in examples], padding=True, return_tensors="pt", add_special_tokens=False)
        labels = batch["input_ids"].clone()
        labels[batch["attention_mask"] == 0] = -100
        batch["labels"] = labels
        return batch


class PromptBuilder:
    def __init__(self, processor, add_header=False):
        self.processor = processor
        self.add_header = add_header

    def build(self, question):
        messages = [{"role": "user", "content": [{"type": "text", "text": question}]}]
        return self.processor.apply_chat_template(messages, tokenize=False, add_generation_prompt=self.add_header)
