# The twin: a collator that puts a system turn in front of each training conversation still renders the whole
# conversation, reply included.
class SystemPromptCollator:
    def __init__(self, tokenizer, system_prompt):
        self.tokenizer = tokenizer
        self.system_prompt = system_prompt

    def __call__(self, examples):
        texts = []
        for example in examples:
            messages = [{"role": "system", "content": self.system_prompt}] + example["messages"]
            texts.append(self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True))  # expect: CL001 "renders `messages` = `[{\"role\": \"system\", \"content\": self.system_prompt}] + example[\"messages\"]`"
        batch = self.tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
        batch["labels"] = batch["input_ids"].clone()
        return batch


class ExtendingCollator(SystemPromptCollator):
    # the same, the conversation extended into a list that holds the system turn
    def __call__(self, examples):
        texts = []
        for example in examples:
            messages = [{"role": "system", "content": self.system_prompt}]
            messages.extend(example["messages"])
            texts.append(self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True))  # expect: CL001 "extended with"
        batch = self.tokenizer(texts, padding=True, add_special_tokens=False, return_tensors="pt")
        batch["labels"] = batch["input_ids"].clone()
        return batch
