# A processor known by what loads it, not by its name: `self._vision = AutoProcessor.from_pretrained(...)` tokenizes
# the text it is given with special tokens on, like any processor.
from transformers import AutoProcessor, LlavaProcessor


class VisionChat:
    def __init__(self, path):
        self._vision = AutoProcessor.from_pretrained(path)
        self.loaded = LlavaProcessor.from_pretrained(path)

    def inputs(self, messages, images):
        text = self._vision.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self._vision(images=images, text=text, return_tensors="pt")  # expect: CL002 "`text` is rendered by"

    def batch(self, conversations, images):
        texts = [self.loaded.apply_chat_template(c, tokenize=False, add_generation_prompt=True) for c in conversations]
        return self.loaded(text=texts, images=images, padding=True)  # expect: CL002 "holds texts rendered by"


class Distiller:
    # processors named for their role (`teacher_processor`, `self._student_tok`): a model's processor and tokenizer
    def __init__(self, teacher_processor, student_tok):
        self._teacher_processor = teacher_processor
        self._student_tok = student_tok

    def teacher_inputs(self, prompts, images):
        texts = self._teacher_processor.apply_chat_template(prompts, tokenize=False, add_generation_prompt=True)
        return self._teacher_processor(images=images, text=texts, padding=True)  # expect: CL002 "`texts` is rendered by"

    def student_inputs(self, prompt):
        text = self._student_tok.apply_chat_template(prompt, tokenize=False, add_generation_prompt=True)
        return self._student_tok(text)  # expect: CL002 "`text` is rendered by"
