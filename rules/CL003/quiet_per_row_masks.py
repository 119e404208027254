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
