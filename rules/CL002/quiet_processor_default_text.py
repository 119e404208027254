# The twins of flag_processor_default_text.py: a processor asked to tokenize returns ids, a tokenizer's render
# tokenizes by default, and a processor's text handed back without special tokens.
from transformers import AutoProcessor, AutoTokenizer


class VisionChat:
    def __init__(self, checkpoint):
        self.processor = AutoProcessor.from_pretrained(checkpoint)
        self.tokenizer = AutoTokenizer.from_pretrained(checkpoint)

    def prepare_ids(self, conversation):
        return self.processor.apply_chat_template(conversation, tokenize=True, return_dict=True, return_tensors="pt")

    def prepare_text_model(self, conversation):
        ids = self.tokenizer.apply_chat_template(conversation, add_generation_prompt=True, return_dict=False)
        return self.tokenizer.decode(ids)

    def prepare(self, conversation, images):
        prompt = self.processor.apply_chat_template(conversation, add_generation_prompt=True)
        return self.processor(images=images, text=prompt, add_special_tokens=False, return_tensors="pt")
