# The template method looked up by name: its text tokenized without special tokens, or another attribute looked
# up the same way.
class InferenceServer:
    def __init__(self, model, tokenizer):
        self.model = model
        self.tokenizer = tokenizer

    def _chat_prompt(self, messages):
        apply_template = getattr(self.tokenizer, "apply_chat_template", None)
        if callable(apply_template):
            return apply_template(list(messages), tokenize=False, add_generation_prompt=True)
        return "".join(f"{m['role']}: {m['content']}\n" for m in messages) + "assistant: "

    def generate(self, messages, max_new_tokens=256):
        prompt = self._chat_prompt(messages)
        encoded = self.tokenizer(prompt, add_special_tokens=False, return_tensors="pt")
        return self.model.generate(**encoded, max_new_tokens=max_new_tokens)

    def encode_plain(self, text):
        encode = getattr(self.tokenizer, "encode", None)
        return encode(text) if callable(encode) else self.tokenizer(text)["input_ids"]
