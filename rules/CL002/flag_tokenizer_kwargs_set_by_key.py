# The tokenizer's keywords in a dict the method fills by key (`kwargs["max_length"] = n`): every key is visible, and
# none turns special tokens off, so the rendered prompts get a second BOS.
class SelfPlay:
    def __init__(self, tokenizer, model, max_prompt_length=None):
        self.tokenizer = tokenizer
        self.model = model
        self.max_prompt_length = max_prompt_length

    def generate_responses(self, prompts, model):
        tokenization_kwargs = {"return_tensors": "pt", "padding": True}
        if self.max_prompt_length is not None:
            tokenization_kwargs["truncation"] = True
            tokenization_kwargs["max_length"] = self.max_prompt_length
        inputs = self.tokenizer(prompts, **tokenization_kwargs)
        return model.generate(**inputs, max_new_tokens=256)

    def opponent_samples(self, rows):
        prompts = [
            self.tokenizer.apply_chat_template(row["messages"][:-1], tokenize=False, add_generation_prompt=True)
            for row in rows
        ]
        return self.generate_responses(prompts, self.model)  # expect: CL002 "through the helper `SelfPlay.generate_responses`"
