class ChatEncoder:
    def __init__(self, tokenizer, max_length=4096):
        self.tokenizer = tokenizer
        self.max_length = max_length

    def render_ids(self, messages, **kwargs):
        return self.tokenizer.apply_chat_template(messages, tokenize=True, return_dict=False, **kwargs)

    def prompt_length(self, messages):
        prompt = self.render_ids(messages[:-1])
        return len(prompt)

    def header_length(self, messages):
        prompt = self.render_ids(messages[:-1], add_generation_prompt=True)
        return len(prompt)


class ChatFormatter:
    def __init__(self, tokenizer):
        self.tokenizer = tokenizer

    def render(self, messages, add_generation_prompt=False):
        return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=add_generation_prompt)

    def encode(self, messages, add_generation_prompt=False):
        text = self.render(messages, add_generation_prompt)
        return self.tokenizer(text, add_special_tokens=False)["input_ids"]
