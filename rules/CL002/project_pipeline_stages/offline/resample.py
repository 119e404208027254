# A stage that writes the column it tokenizes itself, from plain questions: its rows are its own, not the render
# stage's, though the pipeline script uses both.


class Resampler:
    def __init__(self, model, tokenizer):
        self.model = model
        self.tokenizer = tokenizer

    def prepare(self, questions):
        return [{"chat_prompt": question.strip()} for question in questions]

    def run(self, batch):
        encoded = self.tokenizer([row["chat_prompt"] for row in batch], return_tensors="pt", padding=True)
        return self.model.generate(**encoded, max_new_tokens=256)
