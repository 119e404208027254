# A helper that hands the tokenizer its caller's `**kwargs`: the keywords each call site passes are the ones that reach
# the tokenizer, so a call that passes none tokenizes the render with special tokens on.


class Encoder:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def encode(self, text, **kwargs):
        return self.tokenizer.encode(text, **kwargs)

    def encode_chat(self, conversation):
        prompt = self.tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        return self.encode(prompt)  # expect: CL002 "through the helper `Encoder.encode`"

    def encode_chat_on(self, conversation):
        prompt = self.tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        return self.encode(prompt, add_special_tokens=True)  # expect: CL002 "with `add_special_tokens=True`"
