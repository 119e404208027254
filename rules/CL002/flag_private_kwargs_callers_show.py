# A multimodal collator renders each batch with a private method that hands the processor its own `**kwargs`; every
# caller in the module passes the images or the audio there, never `add_special_tokens`, so the processor adds a
# second BOS to Gemma's rendered text.
class GemmaCollator:
    def __init__(self, processor):
        self.processor = processor

    def _render_and_process(self, conversations, **processor_kwargs):
        prompts = self.processor.apply_chat_template(conversations, tokenize=False, add_generation_prompt=False)
        return self.processor(text=prompts, return_tensors="pt", padding=True, **processor_kwargs)  # expect: CL002 "rendered by `self.processor.apply_chat_template(..., tokenize=False)`"

    def collate_images(self, rows):
        batch = self._render_and_process([row["messages"] for row in rows], images=[row["images"] for row in rows])
        batch["labels"] = batch["input_ids"].clone()
        return batch

    def collate_audio(self, rows, sampling_rate=16000):
        batch = self._render_and_process([row["messages"] for row in rows], audio=[row["audio"] for row in rows], sampling_rate=sampling_rate)
        batch["labels"] = batch["input_ids"].clone()
        return batch
