class RenderMixin:
    def render(self, messages):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)

    def encode(self, text):
        return self.tokenizer(text, add_special_tokens=False)["input_ids"]

    @staticmethod
    def has_reply(messages):
        return bool(messages) and messages[-1]["role"] == "assistant"

    @staticmethod
    def needs_reply(messages):
        return bool(messages) and messages[-1]["role"] == "user"
