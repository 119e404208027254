# The twins of flag_kwargs_helpers.py: call sites that turn special tokens off through the helper's `**kwargs`, or
# hand it a mapping of their own (which may), and a plain document.


class Encoder:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def encode(self, text, **kwargs):
        return self.tokenizer.encode(text, **kwargs)

    def encode_chat(self, conversation):
        prompt = self.tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        return self.encode(prompt, add_special_tokens=False)

    def encode_chat_with(self, conversation, **options):
        prompt = self.tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)
        return self.encode(prompt, **options)

    def encode_document(self, document):
        return self.encode(document)
