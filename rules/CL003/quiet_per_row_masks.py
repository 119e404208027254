# The twins of flag_per_row_masks.py: each row's prompt is rendered with the generation prompt.


class PromptMaskCollator:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def __call__(self, examples):
        prompts = [
            self.tokenizer.apply_chat_template(e["messages"][:-1], tokenize=False, add_generation_prompt=True)
            for e in examples
        ]
        texts = [self.tokenizer.apply_chat_template(e["messages"], tokenize=False) for e in examples]
        batch = self.tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
        labels = batch["input_ids"].clone()
        for i, prompt in enumerate(prompts):
            n = len(self.tokenizer(prompt, add_special_tokens=False)["input_ids"])
            labels[i, :n] = -100
        batch["labels"] = labels
        return batch

    def batched(self, examples):
        prompts = [
            self.tokenizer.apply_chat_template(e["messages"][:-1], tokenize=False, add_generation_prompt=True)
            for e in examples
        ]
        texts = [self.tokenizer.apply_chat_template(e["messages"], tokenize=False) for e in examples]
        batch = self.tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
        prompt_batch = self.tokenizer(prompts, add_special_tokens=False)
        labels = batch["input_ids"].clone()
        for i, ids in enumerate(prompt_batch["input_ids"]):
            labels[i, : len(ids)] = -100
        batch["labels"] = labels
        return batch

    def counted(self, examples):
        # the lengths of the prompts are only logged, not used to mask
        prompts = [self.tokenizer.apply_chat_template(e["messages"][:-1], tokenize=False) for e in examples]
        for prompt in prompts:
            print(len(self.tokenizer(prompt, add_special_tokens=False)["input_ids"]))
        return prompts


class VisionPromptMaskCollator:
    # the twin: the prompts end with the generation prompt, so each length covers the assistant header
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
            prompt = self.processor.apply_chat_template(messages[:-1], tokenize=False, add_generation_prompt=True)
            prompt_lens.append(self._prompt_length(prompt, example["image"]))
        batch = self.processor(text=texts, images=images, padding=True, add_special_tokens=False, return_tensors="pt")
        labels = batch["input_ids"].clone()
        for i, n in enumerate(prompt_lens):
            labels[i, :n] = -100
        batch["labels"] = labels
        return batch

    def counted(self, examples):
        # the lengths are only logged: nothing is masked by them
        prompt_lens = []
        for example in examples:
            prompt = self.processor.apply_chat_template(example["messages"][:-1], tokenize=False)
            prompt_lens.append(self._prompt_length(prompt, example["image"]))
        for i, n in enumerate(prompt_lens):
            print(i, n)
        return prompt_lens
