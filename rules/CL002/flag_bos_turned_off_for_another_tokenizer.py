# The class turns the BOS off on its draft model's tokenizer only: the main tokenizer, which tokenizes the rendered
# prompt, still adds one.


class SpeculativeGenerator:
    def __init__(self, tokenizer, draft_tokenizer):
        self.tokenizer = tokenizer
        self.draft_tokenizer = draft_tokenizer
        self.draft_tokenizer.add_bos_token = False

    def tokenize_prompt(self, prompt):
        messages = [{"role": "user", "content": prompt}]
        text = self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
        return self.tokenizer([text], return_tensors="pt")  # expect: CL002 "`[text]` holds texts"
