# The twin of flag_private_kwargs_callers_show.py: one caller of the private method turns the special tokens off
# through its `**kwargs`, and another hands on a mapping the module does not show, so what the processor is given
# is not known at the method and nothing is reported there.
class GemmaCollator:
    def __init__(self, processor, extra=None):
        self.processor = processor
        self.extra = extra or {}

    def _render_and_process(self, conversations, **processor_kwargs):
        prompts = self.processor.apply_chat_template(conversations, tokenize=False, add_generation_prompt=False)
        return self.processor(text=prompts, return_tensors="pt", padding=True, **processor_kwargs)

    def collate_images(self, rows):
        batch = self._render_and_process([row["messages"] for row in rows], images=[row["images"] for row in rows], add_special_tokens=False)
        batch["labels"] = batch["input_ids"].clone()
        return batch

    def collate_audio(self, rows):
        batch = self._render_and_process([row["messages"] for row in rows], **self.extra)
        batch["labels"] = batch["input_ids"].clone()
        return batch
