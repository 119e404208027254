# fix: unsafe
class Encoder:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def encode(self, text, **kwargs):
        return self.tokenizer.encode(text, **kwargs)

    def encode_chat(self, conversation):
        prompt = self.tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        return self.encode(prompt)
