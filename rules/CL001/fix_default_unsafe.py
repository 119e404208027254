# fix: unsafe
class DefaultCollator:
    def __init__(self, tokenizer, add_generation_prompt=True):
        self.tokenizer = tokenizer
        self.add_generation_prompt = add_generation_prompt

    def __call__(self, examples):
        ids = [
            self.tokenizer.apply_chat_template(example["messages"], add_generation_prompt=self.add_generation_prompt)
            for example in examples
        ]
        return {"input_ids": ids, "labels": ids}
