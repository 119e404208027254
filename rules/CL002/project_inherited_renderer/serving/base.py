# The base class of the inference backends: it renders a chat as text (one, or a batch: `prepare`), and checks a
# prompt's length by tokenizing it (with special tokens, the tokenizer's default) or as it is (`_encode_raw`).


class InferenceModel:
    def __init__(self, tokenizer, chat_template=None):
        self.tokenizer = tokenizer
        self.chat_template = chat_template

    def apply_chat_template(self, tokenizer, messages):
        return tokenizer.apply_chat_template(
            messages, tokenize=False, add_generation_prompt=True, chat_template=self.chat_template
        )

    def _truncated(self, prompt, max_tokens=4096):
        ids = self.tokenizer(prompt, truncation=False)["input_ids"]
        return ids[-max_tokens:], len(ids) <= max_tokens

    def render(self, conversation):
        return self.tokenizer.apply_chat_template(conversation, tokenize=False, add_generation_prompt=True)

    def prepare(self, conversations):
        return [self.render(conversation) for conversation in conversations]

    def _encode_raw(self, prompt):
        return self.tokenizer(prompt, add_special_tokens=False)["input_ids"]
