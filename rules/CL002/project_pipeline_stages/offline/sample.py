# The sampling stage tokenizes the rendered prompts of a batch of rows. It never imports the render stage: the
# pipeline script uses both.


class Sampler:
    def __init__(self, model, tokenizer):
        self.model = model
        self.tokenizer = tokenizer

    def run(self, batch):
        encoded = self.tokenizer([row["chat_prompt"] for row in batch], return_tensors="pt", padding=True)  # expect: CL002 "a stage that `pipeline.py` also uses"
        return self.model.generate(**encoded, max_new_tokens=256)


class SamplerNoSpecials(Sampler):
    def run(self, batch):
        prompts = [row["chat_prompt"] for row in batch]
        encoded = self.tokenizer(prompts, return_tensors="pt", padding=True, add_special_tokens=False)
        return self.model.generate(**encoded, max_new_tokens=256)

    def titles(self, batch):
        # another column of the rows: no stage stores a render there
        return self.tokenizer([row["title"] for row in batch])["input_ids"]
