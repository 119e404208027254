# A generator class whose set-up turns its tokenizer's own BOS off (`add_bos_token = False`): the rendered prompt,
# which starts with the template's BOS, is tokenized by that tokenizer in another method and keeps one BOS.


class Generator:
    def __init__(self, model, tokenizer):
        self.model = model
        self.tokenizer = tokenizer
        self.setup()

    def setup(self):
        self.tokenizer.add_bos_token = False
        self.tokenizer.padding_side = "left"

    def tokenize_prompt(self, prompt):
        text = self.tokenizer.apply_chat_template(
            [{"role": "user", "content": prompt}], tokenize=False, add_generation_prompt=True
        )
        return self.tokenizer([text], return_tensors="pt")

    def encode_prompt(self, prompt):
        text = self.tokenizer.apply_chat_template([{"role": "user", "content": prompt}], tokenize=False)
        return self.tokenizer.encode(text)
