# The twin: the dict filled by key turns special tokens off; and one changed by a key the code cannot see is opaque.
class SelfPlay:
    def __init__(self, tokenizer, model, extra_key):
        self.tokenizer = tokenizer
        self.model = model
        self.extra_key = extra_key

    def generate_responses(self, prompts, model):
        tokenization_kwargs = {"return_tensors": "pt", "padding": True}
        tokenization_kwargs["add_special_tokens"] = False
        inputs = self.tokenizer(prompts, **tokenization_kwargs)
        return model.generate(**inputs, max_new_tokens=256)

    def generate_configured(self, prompts, model, flag):
        tokenization_kwargs = {"return_tensors": "pt", "padding": True}
        tokenization_kwargs[self.extra_key] = flag
        return model.generate(**self.tokenizer(prompts, **tokenization_kwargs))

    def opponent_samples(self, rows):
        prompts = [
            self.tokenizer.apply_chat_template(row["messages"][:-1], tokenize=False, add_generation_prompt=True)
            for row in rows
        ]
        return self.generate_responses(prompts, self.model), self.generate_configured(prompts, self.model, False)
