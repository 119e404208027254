# A collator masks each row by the length of its prompt, walking the list of prompt renders (or the rows of their
# batch tokenization).


class PromptMaskCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, examples):
        prompts = [self.tokenizer.apply_chat_template(e["messages"][:-1], tokenize=False) for e in examples]  # expect: CL003 "its length masks the labels at `labels[i, :n] = -100`"
        texts = [self.tokenizer.apply_chat_template(e["messages"], tokenize=False) for e in examples]
        batch = self.tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
        labels = batch["input_ids"].clone()
        for i, prompt in enumerate(prompts):
            n = len(self.tokenizer(prompt, add_special_tokens=False)["input_ids"])
            labels[i, :n] = -100
        batch["labels"] = labels
        return batch

    def batched(self, examples):
        prompts = [self.tokenizer.apply_chat_template(e["messages"][:-1], tokenize=False) for e in examples]  # expect: CL003 "its length masks the labels at `labels[i, : len(ids)] = -100`"
        texts = [self.tokenizer.apply_chat_template(e["messages"], tokenize=False) for e in examples]
        batch = self.tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
        prompt_batch = self.tokenizer(prompts, add_special_tokens=False)
        labels = batch["input_ids"].clone()
        for i, ids in enumerate(prompt_batch["input_ids"]):
            labels[i, : len(ids)] = -100
        batch["labels"] = labels
        return batch


class VisionPromptMaskCollator:
    # the lengths gathered in a list (one per row, measured by a processor on a batch of one), then walked
    def __init__(self, processor):
        self.processor = processor

    def _prompt_length(self, prompt_text, image):
        encoded = self.processor(text=[prompt_text], images=[image], add_special_tokens=False, return_tensors="pt")
        return encoded["input_ids"].shape[1]

    def __call__(self, examples):
        texts, images, prompt_lens = [], [], []
        for example in examples:
            messages = example["messages"]
            texts.append(self.processor.apply_chat_template(messages, tokenize=False))
            images.append(example["image"])
            prompt = self.processor.apply_chat_template(messages[:-1], tokenize=False)  # expect: CL003 "its length masks the labels at `labels[i, :n] = -100`"
            prompt_lens.append(self._prompt_length(prompt, example["image"]))
        batch = self.processor(text=texts, images=images, padding=True, add_special_tokens=False, return_tensors="pt")
        labels = batch["input_ids"].clone()
        for i, n in enumerate(prompt_lens):
            labels[i, :n] = -100
        batch["labels"] = labels
        return batch

    def zipped(self, examples):
        texts, images, prompt_lens = [], [], []
        for example in examples:
            texts.append(self.processor.apply_chat_template(example["messages"], tokenize=False))
            images.append(example["image"])
            prompt = self.processor.apply_chat_template(example["messages"][:-1], tokenize=False)  # expect: CL003 "its length masks the labels at `row[:n] = -100`"
            prompt_lens.append(self.processor(text=[prompt], images=[example["image"]], add_special_tokens=False)["input_ids"].shape[1])
        batch = self.processor(text=texts, images=images, padding=True, add_special_tokens=False, return_tensors="pt")
        labels = batch["input_ids"].clone()
        for row, n in zip(labels, prompt_lens):
            row[:n] = -100
        batch["labels"] = labels
        return batch
