class PromptRenderer:
    def __init__(self, tokenizer, chat_template_kwargs=None):
        self.tokenizer = tokenizer
        self.chat_template_kwargs = dict(chat_template_kwargs or {})

    def template_kwargs(self):
        return dict(self.chat_template_kwargs)

    def encode_prompt(self, messages, tools):
        return self.tokenizer.apply_chat_template(
            messages, tools=tools, add_generation_prompt=True, **self.template_kwargs()
        )
